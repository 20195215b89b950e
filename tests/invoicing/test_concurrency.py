"""Two organisers issuing at once on PostgreSQL: every number once, no gap, nobody waits
forever. Real threads on their own connections."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from forsamling.domain import invoicing as rules
from forsamling.invoicing import services
from forsamling.invoicing.models import Invoice, State
from tests.backoffice.conftest import make_conference
from tests.invoicing.conftest import (
    EAN_AALBORG,
    assert_every_issued_document_passes,
    make_seller,
    register,
)

pytestmark = [
    pytest.mark.concurrency,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (run with-postgres)"
    ),
]


def race(attempts: list[Callable[[], object]]) -> list[object]:
    barrier = threading.Barrier(len(attempts))
    results: list[object] = [None] * len(attempts)

    def run(index: int, attempt: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = attempt()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def conference(db):
    c = make_conference()
    c.seller = make_seller(c.edition)
    yield c
    assert_every_issued_document_passes()


def test_two_organisers_issuing_all_drafts_at_once_number_them_without_gaps(conference):
    for i in range(40):
        register(conference, f"Deltager {i}", ean=EAN_AALBORG)
    services.draft_invoices(edition=conference.edition)

    results = race([lambda: services.issue_drafts(edition=conference.edition)] * 2)

    runs = [r for r in results if isinstance(r, services.IssueRun)]
    assert len(runs) == 2, results
    issued = sorted(len(run.issued) for run in runs)
    refused = [error for run in runs for _, error in run.refused]
    assert sum(issued) == 40  # each draft issued exactly once, by one of them
    assert all(isinstance(error, rules.NotDraft) for error in refused)
    numbers = list(
        Invoice.objects.filter(edition=conference.edition).order_by("sequence")
        .values_list("sequence", flat=True)
    )  # fmt: skip
    assert numbers == list(range(1, 41))
    assert not Invoice.objects.filter(state=State.DRAFT).exists()
    conference.seller.refresh_from_db()
    assert conference.seller.last_number == 40


def test_issuing_and_crediting_at_once_share_the_series(conference):
    register(conference, "A", ean=EAN_AALBORG)
    register(conference, "B", ean=EAN_AALBORG)
    first, second = services.draft_invoices(edition=conference.edition)
    first = services.issue_invoice(invoice=first)

    results = race(
        [
            lambda: services.issue_invoice(invoice=second),
            lambda: services.credit_invoice(invoice=first, reason="Forkert pris"),
        ]
    )

    assert all(isinstance(r, Invoice) for r in results), results
    assert sorted(r.sequence for r in results) == [2, 3]  # type: ignore[union-attr]


def test_the_same_draft_issued_twice_at_once_gets_one_number(conference):
    register(conference, "A", ean=EAN_AALBORG)
    [draft] = services.draft_invoices(edition=conference.edition)

    results = race([lambda: services.issue_invoice(invoice=draft)] * 2)

    assert sorted(type(r).__name__ for r in results) == ["Invoice", "NotDraft"]
    conference.seller.refresh_from_db()
    assert conference.seller.last_number == 1
