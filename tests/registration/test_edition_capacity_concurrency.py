"""The 10.00 rush against an edition with an overall capacity: many real clients at once
(threads, each with its own connection; on PostgreSQL with `scripts/with-postgres`), and
never one participant more than its places."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from forsamling.domain.registration_rules import EditionFull
from forsamling.registration import seats
from forsamling.registration.models import EditionPlaces, Registration, Status
from forsamling.registration.services import cancel_registration

from .conftest import register_official
from .test_concurrency import plain_http_cookies, rush  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]

CAPACITY = 20
CLIENTS = 60
WORKERS = 16


def active() -> int:
    return Registration.objects.filter(status=Status.ACTIVE, takes_place=True).count()


def test_60_clients_for_20_places_give_20_registrations_and_40_clear_refusals(live_server, edition):
    edition.capacity = CAPACITY
    edition.save(update_fields=["capacity"])
    seats.recount_places(edition)
    results = rush(live_server.url, edition, edition.big_theme, clients=CLIENTS, workers=WORKERS)

    statuses = sorted(status for status, _ in results)
    assert statuses == [302] * CAPACITY + [400] * (CLIENTS - CAPACITY)  # never a 500
    assert active() == CAPACITY
    assert EditionPlaces.objects.get(edition=edition).taken == CAPACITY


def test_cancellations_and_registrations_at_once_keep_the_count_true(edition):
    """Ten registered, five of them cancel while twenty more try to register: afterwards the
    counter equals the active registrations and never exceeds the capacity."""
    capacity = 10
    edition.capacity = capacity
    edition.save(update_fields=["capacity"])
    seats.recount_places(edition)
    first = [
        register_official(edition, f"first-{n}", f"Først {n}").registration.pk
        for n in range(capacity)
    ]
    operations = [("cancel", pk) for pk in first[:5]] + [("register", n) for n in range(20)]
    operations = operations[::2] + operations[1::2]  # mixed

    def run(operation):
        what, value = operation
        try:
            if what == "cancel":
                registration = Registration.objects.select_related("edition", "category").get(
                    pk=value
                )
                cancel_registration(registration=registration)
                return "cancelled"
            register_official(edition, f"more-{value}", f"Flere {value}", [edition.big_theme])
            return "registered"
        except EditionFull:
            return "full"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(run, operations))

    assert outcomes.count("cancelled") == 5
    assert outcomes.count("registered") + outcomes.count("full") == 20
    assert active() <= capacity
    assert EditionPlaces.objects.get(edition=edition).taken == active()
    assert active() == capacity - 5 + outcomes.count("registered")
