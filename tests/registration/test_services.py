"""register_participant, change_choices, cancel_registration, substitute_participant."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from forsamling.domain.ean import InvalidEAN
from forsamling.domain.registration_rules import (
    AlreadyRegistered,
    NotEligible,
    RegistrationCancelled,
    RegistrationClosed,
    RegistrationNotOpen,
    SessionUnavailable,
    TwoChoicesInSlot,
)
from forsamling.programme.models import Session
from forsamling.registration.models import AuditEntry, Choice, Registration, SessionSeats
from forsamling.registration.queries import personal_programme
from forsamling.registration.services import (
    cancel_registration,
    change_choices,
    register_participant,
    resend_link,
    substitute_participant,
    update_details,
)
from forsamling.registration.sessions import create_session

from .conftest import details

pytestmark = pytest.mark.django_db


def register(edition, *, key=None, category=None, sessions=(), who=None, **extra):
    return register_participant(
        edition=edition,
        idempotency_key=key or f"key-{Registration.objects.count()}-{id(extra)}",
        details=who or details(**extra),
        category=category or edition.official,
        sessions=list(sessions),
    )


def statuses(session):
    return list(
        Choice.objects.filter(session=session)
        .order_by("created_at", "id")
        .values_list("registration__name", "status")
    )


def taken(session):
    return SessionSeats.objects.get(session=session).taken


def test_register_participant_gives_a_seat_and_sends_a_danish_confirmation_with_calendar(
    edition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = register(edition, sessions=[edition.big_theme], name="Mette Hansen")
    assert result.created
    registration = result.registration
    assert [line.is_confirmed for line in personal_programme(registration)] == [True]
    assert taken(edition.big_theme) == 1
    [message] = mail.outbox
    assert message.to == [registration.email]
    assert message.subject.startswith("Tak for din tilmelding")
    assert "Psykiatri – du har plads" in message.body
    assert f"/2026/tilmelding/{registration.token}/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("program.ics", "text/calendar")
    assert "SUMMARY:Temamøde" in content
    assert "DTSTART:20260507T130000Z" in content  # kl. 15.00 in Copenhagen summer time


def test_register_participant_keeps_the_token_private_and_long(edition):
    registration = register(edition).registration
    assert len(registration.token) >= 43


def test_register_participant_with_the_same_idempotency_key_returns_the_first_registration(
    edition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = register(edition, key="double-click", sessions=[edition.small_theme])
        second = register(edition, key="double-click", sessions=[edition.small_theme])
    assert not second.created
    assert second.registration.pk == first.registration.pk
    assert Registration.objects.count() == 1
    assert taken(edition.small_theme) == 1
    assert len(mail.outbox) == 1


def test_register_participant_refuses_before_the_opening_moment(edition):
    edition.registration_opens_at = timezone.now() + timedelta(minutes=1)
    edition.save()
    with pytest.raises(RegistrationNotOpen):
        register(edition)
    assert not Registration.objects.exists()


def test_register_participant_refuses_after_closing(edition):
    edition.registration_closes_at = timezone.now() - timedelta(seconds=1)
    edition.save()
    with pytest.raises(RegistrationClosed):
        register(edition)


def test_register_participant_refuses_a_second_active_registration_with_the_same_email(edition):
    register(edition, email="mette@aalborg.dk")
    with pytest.raises(AlreadyRegistered):
        register(edition, email="Mette@Aalborg.dk ")


def test_a_cancelled_registration_frees_the_email_for_a_new_one(edition):
    first = register(edition, email="mette@aalborg.dk").registration
    cancel_registration(registration=first)
    assert register(edition, email="mette@aalborg.dk").created


def test_a_full_session_puts_participants_on_the_waiting_list_in_arrival_order(edition):
    for name in ["Anna A", "Bo B", "Carl C", "Dorte D"]:
        register(edition, name=name, sessions=[edition.small_theme])
    assert statuses(edition.small_theme) == [
        ("Anna A", "confirmed"),
        ("Bo B", "confirmed"),
        ("Carl C", "waiting"),
        ("Dorte D", "waiting"),
    ]
    dorte = Registration.objects.get(name="Dorte D")
    assert [line.waiting_position for line in personal_programme(dorte)] == [2]


def test_cancelling_gives_the_seat_to_the_first_in_line_at_once_and_emails_them(
    edition, django_capture_on_commit_callbacks
):
    for name in ["Anna A", "Bo B", "Carl C", "Dorte D"]:
        register(edition, name=name, sessions=[edition.small_theme])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(registration=Registration.objects.get(name="Bo B"))
    assert statuses(edition.small_theme) == [
        ("Anna A", "confirmed"),
        ("Carl C", "confirmed"),
        ("Dorte D", "waiting"),
    ]
    assert taken(edition.small_theme) == 2
    subjects = sorted((m.to[0].split("@")[0], m.subject.split(" – ")[0]) for m in mail.outbox)
    assert [s for _, s in subjects] == sorted(["Din afmelding er modtaget", "Du har fået plads"])
    dorte = Registration.objects.get(name="Dorte D")
    assert [line.waiting_position for line in personal_programme(dorte)] == [1]
    assert AuditEntry.objects.filter(action="promoted").count() == 1


def test_cancelling_before_the_deadline_is_free_and_after_it_the_fee_stands(edition):
    early = register(edition).registration
    cancel_registration(registration=early)
    early.refresh_from_db()
    assert (early.status, early.cancellation_fee) == ("cancelled", Decimal("0"))

    edition.cancellation_deadline = timezone.now() - timedelta(days=1)
    edition.save()
    late = register(edition).registration
    cancel_registration(registration=late)
    late.refresh_from_db()
    assert late.cancellation_fee == Decimal("3995")


def test_a_cancelled_registration_cannot_be_changed(edition):
    registration = register(edition).registration
    cancel_registration(registration=registration)
    with pytest.raises(RegistrationCancelled):
        change_choices(registration=registration, sessions=[edition.big_theme])
    with pytest.raises(RegistrationCancelled):
        cancel_registration(registration=registration)


def test_change_choices_frees_the_old_seat_for_the_waiting_list_and_keeps_unchanged_choices(
    edition,
):
    politician = register(
        edition,
        name="Anna A",
        category=edition.politician,
        sessions=[edition.health_house, edition.small_theme],
    ).registration
    register(edition, name="Bo B", sessions=[edition.small_theme])
    register(edition, name="Carl C", sessions=[edition.small_theme])
    house_choice = politician.choices.get(session=edition.health_house)

    change_choices(registration=politician, sessions=[edition.health_house, edition.big_theme])

    assert politician.choices.get(session=edition.health_house).pk == house_choice.pk
    assert statuses(edition.small_theme) == [("Bo B", "confirmed"), ("Carl C", "confirmed")]
    assert statuses(edition.big_theme) == [("Anna A", "confirmed")]
    assert taken(edition.small_theme) == 2


def test_eligibility_is_checked_for_every_chosen_session(edition):
    with pytest.raises(NotEligible):
        register(edition, category=edition.official, sessions=[edition.health_house])
    with pytest.raises(NotEligible):
        register(edition, category=edition.politician, sessions=[edition.officials_breakout])
    with pytest.raises(NotEligible):
        register(edition, category=edition.politician, sessions=[edition.council_house])
    assert register(
        edition, category=edition.council_member, sessions=[edition.council_house]
    ).created
    assert not Registration.objects.exclude(category=edition.council_member).exists()


def test_one_session_per_breakout_slot(edition):
    with pytest.raises(TwoChoicesInSlot):
        register(edition, sessions=[edition.small_theme, edition.big_theme])


def test_a_cancelled_session_cannot_be_chosen(edition):
    edition.big_theme.is_cancelled = True
    edition.big_theme.save()
    with pytest.raises(SessionUnavailable):
        register(edition, sessions=[edition.big_theme])


def test_an_invalid_ean_is_refused_and_a_valid_one_is_stored_without_spaces(edition):
    with pytest.raises(InvalidEAN):
        register(edition, ean="5798000420488")
    assert register(edition, ean="5798 0004 20489").registration.ean == "5798000420489"


def test_substitute_participant_hands_the_seats_and_a_new_link_to_a_colleague(
    edition, django_capture_on_commit_callbacks
):
    registration = register(edition, name="Anna A", sessions=[edition.small_theme]).registration
    old_token = registration.token
    with django_capture_on_commit_callbacks(execute=True):
        substitute_participant(
            registration=registration, details=details("Bo Kollega", email="bo@aalborg.dk")
        )
    registration.refresh_from_db()
    assert (registration.name, registration.email) == ("Bo Kollega", "bo@aalborg.dk")
    assert registration.token != old_token
    assert statuses(edition.small_theme) == [("Bo Kollega", "confirmed")]
    [message] = mail.outbox
    assert message.to == ["bo@aalborg.dk"] and "overdraget" in message.body
    assert AuditEntry.objects.filter(registration=registration, action="substituted").exists()


def test_substitute_participant_refuses_a_colleague_who_is_already_registered(edition):
    register(edition, email="bo@aalborg.dk")
    registration = register(edition).registration
    with pytest.raises(AlreadyRegistered):
        substitute_participant(registration=registration, details=details(email="bo@aalborg.dk"))


def test_update_details_saves_and_audits_only_what_changed(edition):
    registration = register(edition, name="Anna A", email="anna@aalborg.dk").registration
    update_details(
        registration=registration,
        details=details("Anna A", email="anna@aalborg.dk", dinner=True, dietary="Vegetar"),
    )
    registration.refresh_from_db()
    assert (registration.dinner, registration.dietary) == (True, "Vegetar")
    entry = AuditEntry.objects.get(action="details_updated")
    assert entry.details == {"fields": ["dietary", "dinner"]}


def test_resend_link_emails_only_an_address_that_is_registered(
    edition, django_capture_on_commit_callbacks
):
    register(edition, email="anna@aalborg.dk")
    with django_capture_on_commit_callbacks(execute=True):
        resend_link(edition=edition, email="ANNA@aalborg.dk")
        resend_link(edition=edition, email="nobody@aalborg.dk")
    [message] = mail.outbox
    assert message.to == ["anna@aalborg.dk"]


def test_every_change_writes_an_audit_entry(edition):
    registration = register(edition, sessions=[edition.big_theme]).registration
    change_choices(registration=registration, sessions=[edition.small_theme])
    cancel_registration(registration=registration)
    assert list(
        AuditEntry.objects.filter(registration=registration)
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["registered", "choices_changed", "cancelled"]


def test_without_a_closing_moment_registration_closes_when_the_conference_begins(edition):
    edition.registration_closes_at = None
    edition.start_date = timezone.localdate() - timedelta(days=1)
    edition.end_date = edition.start_date + timedelta(days=1)
    edition.save()
    with pytest.raises(RegistrationClosed):
        register(edition)


def test_a_session_cancelled_after_the_form_was_read_is_refused_under_the_lock(edition):
    """The form's sessions may be a second old: the service reads cancellation under the lock,
    and nothing of the registration is kept."""
    offered = Session.objects.get(pk=edition.big_theme.pk)  # as the form read it
    Session.objects.filter(pk=offered.pk).update(is_cancelled=True)
    with pytest.raises(SessionUnavailable):
        register(edition, sessions=[offered], name="Anna Berg")
    assert not Registration.objects.filter(name="Anna Berg").exists()
    assert not Choice.objects.exists()


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_confirmation_is_queued_in_the_registrations_own_transaction(edition):
    """With the database task backend the e-mail's task row is part of the registration: there
    with it, and gone with it when the registration fails after the row was written."""
    registration = register(edition, sessions=[edition.big_theme]).registration
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs["args"] == ["confirmation", registration.pk, False]
    assert not mail.outbox  # the worker sends it, after the commit
    offered = Session.objects.get(pk=edition.small_theme.pk)
    Session.objects.filter(pk=offered.pk).update(is_cancelled=True)
    with pytest.raises(SessionUnavailable):  # fails at the lock, after the task row
        register(edition, sessions=[offered])
    assert DBTaskResult.objects.count() == 1


def test_a_retry_after_the_email_is_taken_by_the_same_key_returns_the_registration(edition):
    """Same key and e-mail again (a retry): the first registration, not "already registered"."""
    who = details(name="Anna Berg")
    first = register(edition, key="same-key", who=who, sessions=[edition.small_theme])
    again = register(edition, key="same-key", who=who, sessions=[edition.small_theme])
    assert (again.registration.pk, again.created) == (first.registration.pk, False)
    assert taken(edition.small_theme) == 1


def test_every_session_gets_its_seat_counter_when_it_is_made(edition):
    """Registrations at 10.00 then only lock counter rows, never insert them side by side."""
    session = create_session(slot=edition.themes_slot, title="Ny session", capacity=5)
    assert SessionSeats.objects.get(session=session).taken == 0


def test_a_retry_after_registration_closed_returns_the_registration_it_made(edition):
    """The first attempt went through just before closing; its retry is answered with it."""
    first = register(edition, key="late-retry", sessions=[edition.small_theme])
    edition.registration_closes_at = timezone.now() - timedelta(seconds=1)
    edition.save()
    again = register(edition, key="late-retry", sessions=[edition.small_theme])
    assert (again.registration.pk, again.created) == (first.registration.pk, False)
    with pytest.raises(RegistrationClosed):
        register(edition, key="a-new-key", sessions=[edition.small_theme])


def test_loading_a_dump_leaves_the_counters_to_the_dump(edition):
    """Nothing but the services make counters: a session saved as `loaddata` saves it gets
    none (the dump brings its own), and a registration for it makes the missing one."""
    session = Session(slot=edition.themes_slot, title="Fra en dump", capacity=3)
    session.save_base(raw=True)
    assert not SessionSeats.objects.filter(session=session).exists()
    register(edition, key="from-dump", sessions=[session])
    assert taken(session) == 1
