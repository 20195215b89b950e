"""Preference rounds from opening to publishing, through the services alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forsamling.domain.allocation import seed_commitment
from forsamling.domain.preference_rounds import (
    AlreadyPublished,
    InvalidRanking,
    RankingClosed,
    WrongRoundStatus,
)
from forsamling.domain.registration_rules import SessionUnavailable
from forsamling.preferences import services
from forsamling.preferences.models import PreferenceRound, RoundStatus
from forsamling.programme.models import Audience
from forsamling.registration.models import AuditEntry, Choice, ChoiceStatus, SessionSeats
from forsamling.registration.queries import breakout_slots
from forsamling.registration.seats import lock_seats, take_seats
from forsamling.registration.services import cancel_registration, change_choices
from tests.preferences.conftest import ORGANISER, make_round, register
from tests.registration.conftest import make_session

pytestmark = pytest.mark.django_db


def close_and_run(round):
    services.close_round(round=round, actor=ORGANISER)
    services.run_allocation(round=round, actor=ORGANISER)


def publish(round, capture):
    with capture(execute=True):
        return services.publish_round(round=round, actor=ORGANISER)


def test_create_round_draws_a_128_bit_seed_and_publishes_only_its_commitment(edition):
    round = make_round(edition, [edition.themes_slot])

    assert round.status == RoundStatus.DRAFT
    assert int(round.seed) < 2**128 and len(round.seed) >= 30
    assert round.seed_commitment == seed_commitment(round.seed)
    assert [c["seed_commitment"] for c in round.commitments] == [round.seed_commitment]
    other = make_round(edition, [edition.houses_slot])
    assert other.seed != round.seed


def test_create_round_refuses_a_slot_another_round_has(edition):
    make_round(edition, [edition.themes_slot])

    with pytest.raises(services.SlotNotAvailable):
        make_round(edition, [edition.themes_slot])


def test_rankings_are_refused_before_the_round_opens_and_after_it_closes(edition):
    round = make_round(edition, [edition.themes_slot])
    mette = register(edition, edition.official)
    rankings = {edition.themes_slot.pk: [edition.small_theme]}

    with pytest.raises(RankingClosed):
        services.save_rankings(round=round, registration=mette, rankings=rankings)
    services.open_round(round=round, actor=ORGANISER)
    services.save_rankings(round=round, registration=mette, rankings=rankings)
    services.close_round(round=round, actor=ORGANISER)
    with pytest.raises(RankingClosed):
        services.save_rankings(round=round, registration=mette, rankings=rankings)

    assert list(mette.rankings.values_list("session", "rank")) == [(edition.small_theme.pk, 1)]
    assert round.closes_at <= timezone.now()


def test_rankings_are_refused_outside_the_window_of_an_open_round(edition):
    round = make_round(
        edition,
        [edition.themes_slot],
        opens_at=timezone.now() + timedelta(hours=1),
        closes_at=timezone.now() + timedelta(hours=2),
    )
    services.open_round(round=round, actor=ORGANISER)

    with pytest.raises(RankingClosed):
        services.save_rankings(
            round=round,
            registration=register(edition, edition.official),
            rankings={edition.themes_slot.pk: [edition.big_theme]},
        )


def test_save_rankings_replaces_the_previous_ranking(round, edition):
    mette = register(edition, edition.official)
    slot = edition.themes_slot.pk

    services.save_rankings(
        round=round, registration=mette, rankings={slot: [edition.small_theme, edition.big_theme]}
    )
    services.save_rankings(round=round, registration=mette, rankings={slot: [edition.big_theme]})

    assert list(mette.rankings.values_list("session", "rank")) == [(edition.big_theme.pk, 1)]
    assert AuditEntry.objects.filter(registration=mette, action="ranked").count() == 2


@pytest.mark.parametrize("problem", ["ineligible", "duplicate", "other slot", "slot not in round"])
def test_save_rankings_refuses_what_the_participant_may_not_rank(edition, problem):
    round = make_round(edition, [edition.houses_slot])
    services.open_round(round=round, actor=ORGANISER)
    official = register(edition, edition.official)
    houses = edition.houses_slot.pk
    rankings = {
        "ineligible": {houses: [edition.health_house]},
        "duplicate": {houses: [edition.officials_breakout, edition.officials_breakout]},
        "other slot": {houses: [edition.big_theme]},
        "slot not in round": {edition.themes_slot.pk: [edition.big_theme]},
    }[problem]

    with pytest.raises(InvalidRanking):
        services.save_rankings(round=round, registration=official, rankings=rankings)
    assert not official.rankings.exists()


def test_run_allocation_previews_without_seating_anyone(round, edition):
    for name in ("Anna Berg", "Bo Dahl", "Carl Eriksen"):
        services.save_rankings(
            round=round,
            registration=register(edition, edition.official, name),
            rankings={edition.themes_slot.pk: [edition.small_theme, edition.big_theme]},
        )

    close_and_run(round)

    assert round.status == RoundStatus.PREVIEWED
    stats = round.result["stats"]
    assert (stats["seated"], stats["unseated"], stats["rank_histogram"]) == (3, 0, {"1": 2, "2": 1})
    assert not Choice.objects.exists()
    assert len(round.instance["participants"]) == 3
    assert all(len(p["id"]) == 16 for p in round.instance["participants"])
    assert AuditEntry.objects.filter(action="allocation_run", registration=None).exists()


def test_run_allocation_as_a_task(round, edition):
    services.save_rankings(
        round=round,
        registration=register(edition, edition.official),
        rankings={edition.themes_slot.pk: [edition.big_theme]},
    )
    services.close_round(round=round, actor=ORGANISER)

    result = services.run_allocation_task.enqueue(round.pk, str(ORGANISER))

    assert result.return_value == {"seated": 1, "unseated": 0}
    assert PreferenceRound.objects.get(pk=round.pk).status == RoundStatus.PREVIEWED


def test_run_is_refused_while_the_round_is_open(round):
    with pytest.raises(WrongRoundStatus):
        services.run_allocation(round=round, actor=ORGANISER)


def test_rerun_draws_a_new_seed_and_keeps_every_commitment(round, edition):
    services.save_rankings(
        round=round,
        registration=register(edition, edition.official),
        rankings={edition.themes_slot.pk: [edition.big_theme]},
    )
    close_and_run(round)
    first_seed = round.seed

    services.rerun_allocation(round=round, actor=ORGANISER)

    assert round.seed != first_seed
    assert round.instance["seed"] == round.seed
    assert round.result["stats"]["seed_commitment"] == seed_commitment(round.seed)
    assert [c["seed_commitment"] for c in round.commitments] == [
        seed_commitment(first_seed),
        seed_commitment(round.seed),
    ]
    rerun = AuditEntry.objects.get(action="allocation_rerun")
    assert rerun.details["seed_commitment"] == seed_commitment(round.seed)
    assert rerun.actor == str(ORGANISER)


def test_rerun_and_second_publishing_are_refused_after_publishing(
    round, edition, django_capture_on_commit_callbacks
):
    close_and_run(round)
    publish(round, django_capture_on_commit_callbacks)
    seed = round.seed

    with pytest.raises(AlreadyPublished):
        services.rerun_allocation(round=round, actor=ORGANISER)
    with pytest.raises(AlreadyPublished):
        services.publish_round(round=round, actor=ORGANISER)
    assert PreferenceRound.objects.get(pk=round.pk).seed == seed


def test_publish_seats_only_ranked_eligible_sessions_within_capacity(
    edition, django_capture_on_commit_callbacks
):
    round = make_round(edition, [edition.houses_slot, edition.themes_slot])
    services.open_round(round=round, actor=ORGANISER)
    houses, themes = edition.houses_slot.pk, edition.themes_slot.pk
    politicians = [register(edition, edition.politician, f"Politiker {i}") for i in range(3)]
    officials = [register(edition, edition.official, f"Embedsperson {i}") for i in range(3)]
    for person in politicians:
        services.save_rankings(
            round=round,
            registration=person,
            rankings={houses: [edition.health_house], themes: [edition.small_theme]},
        )
    for person in officials:
        services.save_rankings(
            round=round,
            registration=person,
            rankings={houses: [edition.officials_breakout], themes: [edition.small_theme]},
        )
    close_and_run(round)

    seats = publish(round, django_capture_on_commit_callbacks)

    assert seats == 6 + 2  # everyone in their house; two of six in the small theme meeting
    for choice in Choice.objects.select_related("registration__category", "session"):
        assert choice.status == ChoiceStatus.CONFIRMED
        category = choice.registration.category
        assert choice.session.audience in (
            (Audience.POLITICIANS, Audience.EVERYONE)
            if category.is_politician
            else (Audience.NON_POLITICIANS, Audience.EVERYONE)
        )
        assert choice.registration.rankings.filter(session=choice.session).exists()
    assert SessionSeats.objects.get(session=edition.small_theme).taken == 2
    assert not Choice.objects.filter(session=edition.big_theme).exists()  # nobody ranked it
    assert round.status == RoundStatus.PUBLISHED and round.published_at is not None
    assert len(mail.outbox) == 6
    message = next(m for m in mail.outbox if m.to == [officials[0].email])
    assert message.subject.startswith("Resultatet af fordelingen af sessioner")
    assert "Hvad kræver frisættelse?" in message.body
    assert AuditEntry.objects.filter(action="allocated").count() == 6
    published = AuditEntry.objects.get(action="round_published")
    assert published.details["seed"] == round.seed


def test_leftover_seats_go_first_come_first_served_after_publishing(
    round, edition, django_capture_on_commit_callbacks
):
    themes = edition.themes_slot.pk
    assert themes not in [offer.slot.pk for offer in breakout_slots(edition)]
    for name in ("Anna Berg", "Bo Dahl", "Carl Eriksen"):
        services.save_rankings(
            round=round,
            registration=register(edition, edition.official, name),
            rankings={themes: [edition.small_theme]},
        )
    close_and_run(round)
    publish(round, django_capture_on_commit_callbacks)

    assert themes in [offer.slot.pk for offer in breakout_slots(edition)]
    late = register(edition, edition.official, "Dorte Frost", [edition.small_theme])
    later = register(edition, edition.official, "Erik Gram", [edition.big_theme])

    assert late.choices.get().status == ChoiceStatus.WAITING
    assert later.choices.get().status == ChoiceStatus.CONFIRMED
    assert SessionSeats.objects.get(session=edition.small_theme).taken == 2
    assert SessionSeats.objects.get(session=edition.big_theme).taken == 1


def test_round_slots_are_not_first_come_first_served_until_publishing(round, edition):
    assert [offer.slot for offer in breakout_slots(edition)] == [edition.houses_slot]

    with pytest.raises(SessionUnavailable):
        register(edition, edition.official, "Anna Berg", [edition.big_theme])
    anna = register(edition, edition.official, "Anna Berg", [edition.officials_breakout])
    with pytest.raises(SessionUnavailable):
        change_choices(registration=anna, sessions=[edition.officials_breakout, edition.big_theme])


def test_create_round_refuses_a_slot_where_seats_are_already_taken(edition):
    register(edition, edition.official, "Anna Berg", [edition.small_theme])

    with pytest.raises(services.SlotNotAvailable):
        make_round(edition, [edition.themes_slot])


def test_a_seat_taken_as_the_round_was_created_counts_and_is_kept(
    edition, django_capture_on_commit_callbacks
):
    round = make_round(edition, [edition.themes_slot])
    services.open_round(round=round, actor=ORGANISER)
    holder = register(edition, edition.official, "Anna Berg")
    # What a registration committing at the same moment as create_round would leave behind.
    take_seats(holder, [edition.small_theme], lock_seats([edition.small_theme.pk]), timezone.now())
    themes = edition.themes_slot.pk
    for person in (holder, *(register(edition, edition.official, f"P {i}") for i in range(2))):
        services.save_rankings(
            round=round, registration=person, rankings={themes: [edition.small_theme]}
        )
    close_and_run(round)

    small = next(
        s for s in round.instance["slots"][0]["sessions"] if s["id"] == str(edition.small_theme.pk)
    )
    assert small["capacity"] == 1
    assert len(round.instance["participants"]) == 2  # the holder is left out
    publish(round, django_capture_on_commit_callbacks)

    assert holder.choices.get().session == edition.small_theme
    assert SessionSeats.objects.get(session=edition.small_theme).taken == 2


def test_cancelled_participants_are_neither_allocated_nor_seated(
    round, edition, django_capture_on_commit_callbacks
):
    themes = edition.themes_slot.pk
    anna = register(edition, edition.official, "Anna Berg")
    bo = register(edition, edition.official, "Bo Dahl")
    for person in (anna, bo):
        services.save_rankings(
            round=round, registration=person, rankings={themes: [edition.big_theme]}
        )
    cancel_registration(registration=anna)
    close_and_run(round)
    cancel_registration(registration=bo)  # between the preview and publishing

    seats = publish(round, django_capture_on_commit_callbacks)

    assert len(round.instance["participants"]) == 1
    assert seats == 0
    assert not Choice.objects.exists()


def test_sessions_without_a_limit_have_room_for_everyone_who_ranked_them(
    edition, django_capture_on_commit_callbacks
):
    open_house = make_session(edition.houses_slot, "Åbent hus", capacity=None)
    round = make_round(edition, [edition.houses_slot])
    services.open_round(round=round, actor=ORGANISER)
    for i in range(3):
        services.save_rankings(
            round=round,
            registration=register(edition, edition.politician, f"P {i}"),
            rankings={edition.houses_slot.pk: [open_house]},
        )
    close_and_run(round)

    assert publish(round, django_capture_on_commit_callbacks) == 3
