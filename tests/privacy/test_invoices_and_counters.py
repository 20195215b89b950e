"""Invoices and rate counters under the privacy rules (issue 24): an erasure leaves issued
invoices (bookkeeping law) and takes the name off drafts; the retention empties an issued
invoice's file and names on its date; rate counters keyed by an address go with the person,
and expired windows with every run."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from forsamling.core import abuse
from forsamling.core.models import RateCounter
from forsamling.domain.retention import RetentionPolicy
from forsamling.invoicing import services as invoicing
from forsamling.invoicing.models import Invoice, InvoiceLine, State
from forsamling.privacy import counters, erasure, invoices
from forsamling.privacy.retention import apply_retention
from tests.backoffice.conftest import make_conference, register
from tests.invoicing.conftest import (  # noqa: F401
    EAN_AALBORG,
    _outbox,
    ensure_public_buyers,
    make_seller,
)

pytestmark = pytest.mark.django_db

ISSUED_ON = date(2026, 3, 2)


@pytest.fixture
def conference(db):
    """The invoicing tests' conference, without their check that every issued document still
    validates at the end: an invoice emptied after its 5 years is no longer one to send."""
    c = make_conference()
    c.seller = make_seller(c.edition)
    ensure_public_buyers()  # a municipality's invoice needs its address from the list
    return c


def test_an_erasure_keeps_the_issued_invoice_and_takes_the_name_off_a_draft(conference):
    issued = register(
        conference,
        "Ida Issued",
        ean=EAN_AALBORG,
        email="ida@aalborg.dk",
        person_reference="Ordre 4711",
    )
    invoicing.issue_due(edition=conference.edition, today=ISSUED_ON)
    drafted = register(
        conference, "Dora Drafted", ean=EAN_AALBORG, organisation="Odense Kommune", email="d@o.dk"
    )
    invoicing.draft_invoices(edition=conference.edition)
    now = timezone.now()
    erasure.erase_person(
        erasure.person_by_email("ida@aalborg.dk", registration_ids={issued.pk}), now
    )
    erasure.erase_person(erasure.person_by_email("d@o.dk", registration_ids={drafted.pk}), now)
    kept = InvoiceLine.objects.get(registration=issued)
    assert kept.invoice.state == State.ISSUED and "Ida Issued" in kept.description
    draft = InvoiceLine.objects.get(registration=drafted)
    assert draft.invoice.state == State.DRAFT and "Dora Drafted" not in draft.description


def test_the_retention_empties_an_issued_invoice_on_its_date_and_not_before(conference):
    register(conference, "Ida Issued", ean=EAN_AALBORG, person_reference="Ida Issued")
    [invoice] = invoicing.issue_due(edition=conference.edition, today=ISSUED_ON).issued
    invoice.refresh_from_db()
    policy = RetentionPolicy()
    assert invoices.expire_invoices(conference.edition, policy, date(2031, 12, 31)) == 0
    assert "Ida Issued" in invoice.lines.get().description
    assert invoices.expire_invoices(conference.edition, policy, date(2032, 1, 1)) == 1
    invoice.refresh_from_db()
    assert not invoice.sent_file and invoice.buyer_reference == ""
    assert invoice.lines.get().description == "[Deltager]"
    assert invoice.totals().lines > 0  # the amounts stay for the figures
    assert invoices.expire_invoices(conference.edition, policy, date(2032, 1, 2)) == 0


def test_apply_retention_counts_the_emptied_invoices(conference):
    register(conference, "Ida Issued", ean=EAN_AALBORG)
    invoicing.issue_due(edition=conference.edition, today=ISSUED_ON)
    later = datetime(2032, 1, 1, 12, tzinfo=UTC)
    applied = apply_retention(now=later, edition=conference.edition)
    assert any(a.category == "invoice" and a.rows >= 1 for a in applied)
    assert Invoice.objects.filter(buyer_reference="").count() == Invoice.objects.count()


def test_expired_windows_go_and_current_ones_stay_whatever_their_length(settings):
    settings.FORSAMLING_RATE_WINDOW_SECONDS = 600
    settings.FORSAMLING_RESEND_INTERVAL_SECONDS = 300
    now = timezone.now()
    t = now.timestamp()
    abuse.hit(["mail-link:2026:gammel@aalborg.dk"], seconds=300, now=t - 86400)
    abuse.hit(["register:address:10.0.0.1"], seconds=600, now=t - 86400)
    abuse.hit(["mail-link:2026:ny@aalborg.dk"], seconds=300, now=t)
    abuse.hit(["register:address:10.0.0.2"], seconds=600, now=t)
    assert counters.delete_expired_counters(now) == 2
    assert set(RateCounter.objects.values_list("key", flat=True)) == {
        "mail-link:2026:ny@aalborg.dk",
        "register:address:10.0.0.2",
    }


def test_an_erasure_deletes_the_counters_keyed_by_the_address():
    abuse.hit(["mail-link:2026:vibeke@randers.dk", "mail-link:2026:andre@randers.dk"], seconds=300)
    person = erasure.person_by_email("Vibeke@randers.dk")
    erasure.erase_person(person, timezone.now())
    assert list(RateCounter.objects.values_list("key", flat=True)) == [
        "mail-link:2026:andre@randers.dk"
    ]


def test_a_retention_run_removes_counters_never_hit_again(settings):
    settings.FORSAMLING_RESEND_INTERVAL_SECONDS = 300
    abuse.hit(["mail-link:2026:x@y.dk"], seconds=300, now=timezone.now().timestamp() - 7200)
    apply_retention(now=timezone.now() + timedelta(seconds=1))
    assert not RateCounter.objects.exists()
