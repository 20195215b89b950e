"""The audit log's sentences and actors, without a database."""

import pytest

from forsamling.domain.audit import (
    ACTION_NAMES,
    Actor,
    ActorKind,
    AuditAction,
    actor_label,
    describe,
    organiser,
)

SESSIONS = {3: "Temamøde 3", 5: "Temamøde 5", 7: "Temamøde 7"}


def sentence(action, **details):
    return describe(who="Maja Jensen", action=action, details=details, sessions=SESSIONS)


def test_a_change_of_session_reads_as_from_and_to():
    text = sentence(AuditAction.CHOICES_CHANGED, dropped=[3], added={"5": "confirmed"})
    assert text == "Maja Jensen skiftede fra Temamøde 3 til Temamøde 5"


def test_several_sessions_are_listed_with_og():
    text = sentence(AuditAction.REGISTERED, choices={"3": "confirmed", "5": "waiting"})
    assert text == "Maja Jensen tilmeldte sig med Temamøde 3 og Temamøde 5"


@pytest.mark.parametrize(
    ("action", "details", "expected"),
    [
        (AuditAction.CANCELLED, {"fee": "0"}, "Maja Jensen meldte afbud"),
        (
            AuditAction.SUBSTITUTED,
            {"to": "ole@kl.dk"},
            "Maja Jensen overdrog pladsen til ole@kl.dk",
        ),
        (
            AuditAction.PROMOTED,
            {"session": 7},
            "Deltageren fik en plads på Temamøde 7 fra ventelisten",
        ),
        (AuditAction.CHECKED_IN, {}, "Maja Jensen tjekkede deltageren ind"),
        (AuditAction.CHOICES_CHANGED, {"dropped": [3]}, "Maja Jensen fravalgte Temamøde 3"),
    ],
)
def test_each_action_has_its_sentence(action, details, expected):
    assert sentence(action, **details) == expected


def test_every_action_has_a_sentence_of_its_own():
    for action in AuditAction:
        assert not sentence(action).endswith(f": {action.value}"), action


def test_actors_are_stored_as_text_and_read_back():
    assert str(organiser("maja")) == "arrangør:maja"
    assert Actor.parse("arrangør:maja") == Actor(ActorKind.ORGANISER, "maja")
    assert Actor.parse("deltager") == Actor(ActorKind.PARTICIPANT)
    assert Actor.parse("noget andet").kind == ActorKind.SYSTEM


def test_actors_are_named_as_a_person_reads_them():
    names = {"maja": "Maja Jensen"}
    assert actor_label(organiser("maja"), participant="Bo", user_names=names) == (
        "Maja Jensen (arrangør)"
    )
    assert actor_label(Actor.parse("deltager"), participant="Bo", user_names=names) == "Bo"


@pytest.mark.parametrize(
    ("action", "details", "expected"),
    [
        (AuditAction.REGISTRATION_PAUSED, {}, "Maja Jensen satte tilmeldingen på pause"),
        (AuditAction.REGISTRATION_RESUMED, {}, "Maja Jensen åbnede tilmeldingen igen"),
        (
            AuditAction.CONSENT_GIVEN,
            {"purpose": "participant_list"},
            "Maja Jensen gav samtykke til deltagerlisten",
        ),
        (
            AuditAction.CONSENT_WITHDRAWN,
            {"purpose": "photos"},
            "Maja Jensen trak samtykket til fotos tilbage",
        ),
        (
            AuditAction.INVITATION_CREATED,
            {"code": "ABC123", "category": "presse"},
            "Maja Jensen oprettede invitationskoden ABC123",
        ),
        (
            AuditAction.INVITATION_ONLY_CATEGORIES,
            {"categories": ["presse", "oplaeg"]},
            "Maja Jensen krævede invitationskode til kategorierne presse og oplaeg",
        ),
        (
            AuditAction.INVITATION_ONLY_CATEGORIES,
            {"categories": []},
            "Maja Jensen fjernede kravet om invitationskode fra alle kategorier",
        ),
        (
            AuditAction.PRIZE_JUROR_ADDED,
            {"juror": 4, "chair": True},
            "Maja Jensen tilføjede juryens formand",
        ),
        (
            AuditAction.PRIZE_SCORES_SUBMITTED,
            {"nomination": 12, "juror": 4},
            "Maja Jensen afgav point for indstilling nr. 12",
        ),
        (
            AuditAction.PRIZE_PUBLISHED,
            {"what": "winner_published"},
            "Maja Jensen offentliggjorde vinderen",
        ),
        (
            AuditAction.PRIZE_PROGRAMME_ITEM,
            {"nomination": 12, "item": None},
            "Maja Jensen tog indstilling nr. 12 af programmet",
        ),
    ],
)
def test_the_organisers_and_the_jury_s_actions_have_their_sentences(action, details, expected):
    assert sentence(action, **details) == expected


def test_jurors_nominators_and_older_back_office_entries_are_named():
    names = {"maja": "Maja Jensen"}
    assert actor_label(Actor.parse("jury:maja"), participant="", user_names=names) == (
        "Maja Jensen (jury)"
    )
    assert actor_label(Actor.parse("indstiller"), participant="", user_names=names) == (
        "Indstilleren"
    )
    assert Actor.parse("backoffice:maja") == organiser("maja")


def test_every_action_has_a_danish_name_for_the_log_s_filter():
    assert set(ACTION_NAMES) == set(AuditAction)
