"""The edition's overall capacity ("Pladser i alt"): never more active participants than its
places; a cancellation frees one; a hand-over changes nothing; a group fits whole or not at
all; stand staff take none; a walk-in at the door may go over, and the desk is told."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forsamling.domain.registration_rules import EditionFull
from forsamling.exhibitors.models import StandStaff
from forsamling.exhibitors.staff_registrations import register_stand_staff
from forsamling.registration import seats
from forsamling.registration.groups import GroupMember, register_group
from forsamling.registration.models import (
    Choice,
    EditionPlaces,
    GroupBooking,
    Registration,
)
from forsamling.registration.services import (
    Colleague,
    cancel_registration,
    register_participant,
    substitute_participant,
)
from tests.factories import ExhibitorFactory

from .conftest import details

pytestmark = pytest.mark.django_db


def register(edition, key, **extra):
    return register_participant(
        edition=edition,
        idempotency_key=key,
        details=details(f"Deltager {key}"),
        category=edition.official,
        sessions=extra.pop("sessions", [edition.big_theme]),
        **extra,
    )


def with_capacity(edition, capacity):
    edition.capacity = capacity
    edition.save(update_fields=["capacity"])
    seats.recount_places(edition)
    return edition


def taken(edition) -> int:
    return EditionPlaces.objects.get(edition=edition).taken


def test_the_last_place_is_given_and_the_next_registration_is_refused_with_nothing_stored(
    edition,
):
    with_capacity(edition, 2)
    register(edition, "a")
    register(edition, "b")
    with pytest.raises(EditionFull) as refused:
        register(edition, "c")
    assert (refused.value.wanted, refused.value.left) == (1, 0)
    assert Registration.objects.count() == 2
    assert Choice.objects.count() == 2  # the refused one's seat in "Psykiatri" was not kept
    assert taken(edition) == 2
    assert seats.edition_places(edition).is_full


def test_a_retry_of_a_registration_that_went_through_answers_even_when_full(edition):
    with_capacity(edition, 1)
    first = register(edition, "a")
    again = register(edition, "a")
    assert again.registration == first.registration and not again.created
    assert taken(edition) == 1


def test_a_cancellation_frees_a_place_for_the_next(edition):
    with_capacity(edition, 1)
    first = register(edition, "a").registration
    with pytest.raises(EditionFull):
        register(edition, "b")
    cancel_registration(registration=first)
    assert taken(edition) == 0
    register(edition, "b")
    assert taken(edition) == 1


def test_a_hand_over_keeps_the_place_and_the_count(edition):
    with_capacity(edition, 1)
    first = register(edition, "a").registration
    substitute_participant(
        registration=first, colleague=Colleague(name="Kollega", email="kollega@aalborg.dk")
    )
    assert taken(edition) == 1
    assert Registration.objects.get().email == "kollega@aalborg.dk"


def test_a_group_fits_whole_or_nobody_is_booked(edition):
    with_capacity(edition, 3)
    register(edition, "a")

    def members(count):
        return [
            GroupMember(
                idempotency_key=f"g{count}-{n}",
                details=details(f"Medlem {n}"),
                category=edition.official,
            )
            for n in range(count)
        ]

    with pytest.raises(EditionFull) as refused:
        register_group(
            edition=edition,
            organisation="Aalborg Kommune",
            secretary_name="Sekretær",
            secretary_email="sek@aalborg.dk",
            members=members(3),
        )
    assert (refused.value.wanted, refused.value.left) == (3, 2)
    assert not GroupBooking.objects.exists() and Registration.objects.count() == 1
    group = register_group(
        edition=edition,
        organisation="Aalborg Kommune",
        secretary_name="Sekretær",
        secretary_email="sek@aalborg.dk",
        members=members(2),
    )
    assert group.registrations.count() == 2 and taken(edition) == 3


def test_stand_staff_take_no_place(edition):
    with_capacity(edition, 1)
    register(edition, "a")
    exhibitor = ExhibitorFactory(edition=edition, organisation="Ældre Sagen")
    member = StandStaff.objects.create(exhibitor=exhibitor, name="Åse", email="aase@example.dk")
    registration = register_stand_staff(member)
    assert registration is not None and not registration.takes_place
    assert taken(edition) == 1
    cancel_registration(registration=registration)
    assert taken(edition) == 1  # it freed no place, as it took none


def test_a_walk_in_at_the_door_may_go_over_and_the_desk_is_told(edition):
    with_capacity(edition, 1)
    assert not register(edition, "a", outside_window=True, may_exceed_capacity=True).over_capacity
    result = register(edition, "b", outside_window=True, may_exceed_capacity=True)
    assert result.created and result.over_capacity
    assert taken(edition) == 2
    with pytest.raises(EditionFull):
        register(edition, "c")  # the public form stays refused until two cancel


def test_setting_a_capacity_counts_the_registrations_already_made(edition):
    register(edition, "a")
    register(edition, "b")
    assert not EditionPlaces.objects.exists()  # nothing kept while there is no capacity
    assert with_capacity(edition, 3) and taken(edition) == 2


def test_a_capacity_set_outside_the_admin_is_counted_at_the_first_registration(edition):
    register(edition, "a")
    edition.capacity = 2
    edition.save(update_fields=["capacity"])
    register(edition, "b")
    assert taken(edition) == 2
    with pytest.raises(EditionFull):
        register(edition, "c")


def test_a_capacity_lowered_a_moment_ago_holds_for_a_page_read_before(edition):
    with_capacity(edition, 5)
    register(edition, "a")
    stale = type(edition).objects.get(pk=edition.pk)  # read by a request before the change
    edition.capacity = 1
    edition.save(update_fields=["capacity"])
    stale.official = edition.official
    stale.big_theme = edition.big_theme
    with pytest.raises(EditionFull):
        register(stale, "b")


def test_without_a_capacity_the_registration_runs_no_statement_for_it(edition):
    def statements(key):
        with CaptureQueriesContext(connection) as context:
            register(edition, key)
        return [query["sql"] for query in context.captured_queries]

    without = statements("a")
    assert not any("editionplaces" in sql for sql in without)
    with_capacity(edition, 10)
    with_places = statements("b")
    assert len(with_places) == len(without) + 1
    (update,) = [sql for sql in with_places if "editionplaces" in sql]
    assert update.startswith("UPDATE") and "taken + 1 <= (SELECT capacity" in update
