"""Two organisers issuing at once on PostgreSQL: every number once, no gap, nobody waits
forever. Real threads on their own connections."""

from __future__ import annotations

import pytest
from django.db import connection

from forsamling.domain import invoicing as rules
from forsamling.invoicing import services
from forsamling.invoicing.models import Invoice, State
from tests.invoicing.conftest import (
    EAN_AALBORG,
    register,
)
from tests.racing import race

pytestmark = [
    pytest.mark.concurrency,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (run with-postgres)"
    ),
]


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


def test_two_issue_invoices_commands_at_once_both_succeed(conference):
    """A second run finding the drafts issued (or made afresh) by the first has nothing left
    to do: that is success (exit 0), not an error."""
    import io

    from django.core.management import call_command

    for i in range(30):
        register(conference, f"Deltager {i}", ean=EAN_AALBORG)
    outs = [io.StringIO(), io.StringIO()]

    def run(out):
        return lambda: call_command("issue_invoices", edition=conference.edition.slug, stdout=out)

    results = race([run(outs[0]), run(outs[1])])

    assert not [r for r in results if isinstance(r, BaseException)], results
    assert Invoice.objects.filter(state=State.ISSUED).count() == 30
    assert not Invoice.objects.filter(state=State.DRAFT).exists()
