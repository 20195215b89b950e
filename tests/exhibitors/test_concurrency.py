"""Exhibitors racing for stands on PostgreSQL: no stand is booked twice, nobody deadlocks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection

from forsamling.domain import stands as rules
from forsamling.exhibitors import services
from forsamling.exhibitors.messages import describe
from forsamling.exhibitors.models import Exhibitor, Stand, StandChange
from tests.exhibitors.conftest import details, make_edition, make_stand
from tests.racing import race

pytestmark = [
    pytest.mark.concurrency,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (run with-postgres)"
    ),
]

THREADS = 20


def test_twenty_exhibitors_racing_for_one_stand_exactly_one_gets_it():
    """One booking, nineteen clear Danish refusals, one log entry, one exhibitor row."""
    edition = make_edition()
    stand = make_stand(edition, "A1")

    def attempt(i: int) -> Callable[[], object]:
        return lambda: services.book_stands(
            edition=edition, stand_ids=[stand.pk], details=details(organisation=f"Udstiller {i}")
        )

    results = race([attempt(i) for i in range(THREADS)])

    winners = [r for r in results if isinstance(r, Exhibitor)]
    losers = [r for r in results if isinstance(r, rules.StandTaken)]
    assert len(winners) == 1, results
    assert len(losers) == THREADS - 1, results
    assert all("Standen er desværre lige blevet booket" in describe(e) for e in losers)
    stand.refresh_from_db()
    assert stand.exhibitor == winners[0]
    assert Exhibitor.objects.count() == 1
    assert StandChange.objects.filter(stand=stand, action="booked").count() == 1


def test_overlapping_bookings_never_share_a_stand_and_never_deadlock():
    """Threads ask for A1+A2, A2+A3, A3+A1 in every order: stands are locked in id order."""
    edition = make_edition()
    a1, a2, a3 = (make_stand(edition, number) for number in ("A1", "A2", "A3"))
    pairs = [[a1, a2], [a2, a3], [a3, a1], [a2, a1], [a3, a2], [a1, a3]]

    def attempt(i: int) -> Callable[[], object]:
        chosen = pairs[i % len(pairs)]
        return lambda: services.book_stands(
            edition=edition,
            stand_ids=[stand.pk for stand in chosen],
            details=details(organisation=f"Udstiller {i}"),
        )

    results = race([attempt(i) for i in range(THREADS)])

    kinds = Counter(type(r).__name__ for r in results)
    assert set(kinds) <= {"Exhibitor", "StandTaken"}, results
    assert kinds["Exhibitor"] == 1  # any two pairs of three stands overlap
    booked = Stand.objects.filter(edition=edition, status="booked")
    assert booked.count() == 2
    assert len({stand.exhibitor_id for stand in booked}) == 1


def test_adding_the_last_pass_from_many_tabs_at_once_names_only_as_many_as_included():
    """A stand with two passes: twenty tabs adding staff at once give exactly two names."""
    edition = make_edition()
    stand = make_stand(edition, "A1", included_passes=2)
    exhibitor = services.book_stands(edition=edition, stand_ids=[stand.pk], details=details())

    def attempt(i: int) -> Callable[[], object]:
        return lambda: services.add_stand_staff(
            exhibitor=exhibitor, name=f"Person {i}", email=f"p{i}@example.dk"
        )

    results = race([attempt(i) for i in range(THREADS)])

    assert sum(isinstance(r, rules.NoPassesLeft) for r in results) == THREADS - 2, results
    assert exhibitor.staff.count() == 2
