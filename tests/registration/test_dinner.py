"""The dinner's seats are a session's seats: a limit, a waiting list, the first in line
promoted; and its table plan keeps organisations together at tables of their size."""

from __future__ import annotations

from dataclasses import replace

import pytest

from forsamling.domain.audit import organiser
from forsamling.programme.models import SessionKind
from forsamling.registration import dinner
from forsamling.registration.models import Choice, ChoiceStatus, DinnerTable, TableSeat
from forsamling.registration.queries import dinner_session
from forsamling.registration.services import (
    ParticipantDetails,
    cancel_registration,
    change_choices,
    register_participant,
    update_details,
)
from tests.factories import ItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evening(edition):
    return ItemFactory(day=edition.houses_slot.day, evening=True, title="Aftenarrangement")


def register(edition, n, *, organisation="Aalborg Kommune", wants=True, sessions=()):
    return register_participant(
        edition=edition,
        idempotency_key=f"d{n}",
        details=ParticipantDetails(
            name=f"Gæst Nummer{n}", email=f"g{n}@example.dk", dinner=wants,
            organisation=organisation,
        ),
        category=edition.official,
        sessions=list(sessions),
    ).registration  # fmt: skip


def dinner_status(registration):
    choice = Choice.objects.filter(registration=registration, session__kind=SessionKind.DINNER)
    return choice.values_list("status", flat=True).first()


def test_seats_are_given_until_full_then_the_waiting_list(edition, evening):
    dinner.set_dinner_seats(edition=edition, capacity=2, actor=organiser("kl"))
    people = [register(edition, n) for n in range(4)]
    no = register(edition, 9, wants=False)
    assert [dinner_status(p) for p in people] == ["confirmed", "confirmed", "waiting", "waiting"]
    assert dinner_status(no) is None
    assert dinner_session(edition.pk).seats.taken == 2


def test_saying_no_or_cancelling_gives_the_seat_to_the_first_in_line(edition, evening):
    dinner.set_dinner_seats(edition=edition, capacity=1, actor=organiser("kl"))
    first, second, third = (register(edition, n) for n in range(3))
    update_details(registration=first, details=replace(ParticipantDetails.of(first), dinner=False))
    assert dinner_status(first) is None and dinner_status(second) == ChoiceStatus.CONFIRMED
    cancel_registration(registration=second)
    assert dinner_status(third) == ChoiceStatus.CONFIRMED


def test_changing_sessions_keeps_the_dinner_seat(edition, evening):
    dinner.set_dinner_seats(edition=edition, capacity=5, actor=organiser("kl"))
    guest = register(edition, 1, sessions=[edition.officials_breakout])
    change_choices(registration=guest, sessions=[edition.small_theme])
    assert dinner_status(guest) == ChoiceStatus.CONFIRMED


def test_a_limit_set_later_seats_those_who_said_yes_in_order_and_more_seats_promote(
    edition, evening
):
    people = [register(edition, n) for n in range(3)]
    dinner.set_dinner_seats(edition=edition, capacity=1, actor=organiser("kl"))
    assert [dinner_status(p) for p in people] == ["confirmed", "waiting", "waiting"]
    dinner.set_dinner_seats(edition=edition, capacity=2, actor=organiser("kl"))
    assert [dinner_status(p) for p in people] == ["confirmed", "confirmed", "waiting"]


def test_the_dinner_is_not_in_the_published_programme(edition, evening):
    from forsamling.programme.snapshot import build_snapshot

    dinner.set_dinner_seats(edition=edition, capacity=10, actor=organiser("kl"))
    snapshot = build_snapshot(edition)
    kinds = {
        s["kind"] for day in snapshot["days"] for item in day["items"] for s in item["sessions"]
    }
    assert SessionKind.DINNER not in kinds


def test_without_an_evening_event_there_is_no_dinner_to_limit(edition):
    with pytest.raises(dinner.DinnerError):
        dinner.set_dinner_seats(edition=edition, capacity=10, actor=organiser("kl"))


def test_seating_by_organisation_places_everyone_with_a_seat_and_keeps_hand_placements(
    edition, evening
):
    dinner.set_dinner_seats(edition=edition, capacity=7, actor=organiser("kl"))
    orgs = ["Aalborg Kommune"] * 3 + ["KL"] * 2 + ["Aarhus Kommune"] * 2 + ["Vejle Kommune"]
    people = [register(edition, n, organisation=o) for n, o in enumerate(orgs)]
    waiting = people[-1]
    assert dinner_status(waiting) == ChoiceStatus.WAITING
    tables = dinner.set_tables(edition=edition, sizes=[4, 4], actor=organiser("kl"))
    dinner.place_guest(registration=people[3], table=tables[1], actor=organiser("kl"))
    seated = dinner.seat_by_organisation(edition=edition, actor=organiser("kl"))
    assert seated == 6
    plan = dict(TableSeat.objects.values_list("registration_id", "table__number"))
    assert set(plan) == {p.pk for p in people[:7]}  # the one waiting is not at a table
    assert plan[people[3].pk] == 2  # by hand
    assert len({plan[p.pk] for p in people[:3]}) == 1  # Aalborg together
    assert len({plan[p.pk] for p in people[5:7]}) == 1  # Aarhus together
    for table in DinnerTable.objects.all():
        assert table.guests.count() <= table.seats
    assert dinner.table_numbers([people[3].pk]) == {people[3].pk: 2}


def test_too_few_seats_at_the_tables_is_refused_in_danish(edition, evening):
    for n in range(3):
        register(edition, n)
    dinner.set_tables(edition=edition, sizes=[2], actor=organiser("kl"))
    with pytest.raises(dinner.DinnerError, match="ledige pladser ved bordene"):
        dinner.seat_by_organisation(edition=edition, actor=organiser("kl"))
    assert not TableSeat.objects.exists()


def test_a_full_table_refuses_one_more_by_hand(edition, evening):
    a, b = register(edition, 1), register(edition, 2)
    (table,) = dinner.set_tables(edition=edition, sizes=[1], actor=organiser("kl"))
    dinner.place_guest(registration=a, table=table, actor=organiser("kl"))
    with pytest.raises(dinner.DinnerError, match="fuldt"):
        dinner.place_guest(registration=b, table=table, actor=organiser("kl"))
