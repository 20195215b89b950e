"""Reads of invoices: what issued invoices already cover, the lists of the back office."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from forsamling.conferences.models import Edition
from forsamling.invoicing.models import Invoice, InvoiceLine, Kind, State


@dataclass(frozen=True)
class Covered:
    """What an issued, uncredited invoice already bills: it is not drafted again."""

    registrations: frozenset[int]
    stands: frozenset[int]
    staff: frozenset[int]
    extras: frozenset[int] = frozenset()


def covered(edition: Edition) -> Covered:
    rows = InvoiceLine.objects.filter(
        invoice__edition=edition, invoice__kind=Kind.INVOICE, invoice__state=State.ISSUED
    ).values_list("registration_id", "stand_id", "stand_staff_id", "extra_order_id")
    registrations, stands, staff, extras = set(), set(), set(), set()
    for registration, stand, member, extra in rows:
        if extra:
            extras.add(extra)
        if registration:
            registrations.add(registration)
        if stand:
            stands.add(stand)
        if member:
            staff.add(member)
    return Covered(frozenset(registrations), frozenset(stands), frozenset(staff), frozenset(extras))


def issued(edition: Edition) -> QuerySet[Invoice]:
    """Issued invoices and credit notes (a credited invoice was issued too), by number."""
    return (
        Invoice.objects.filter(edition=edition)
        .exclude(state=State.DRAFT)
        .order_by("sequence")
        .prefetch_related("lines")
        .select_related("credits", "edition__seller")
    )


@dataclass(frozen=True)
class InvoiceFilter:
    state: str = ""
    kind: str = ""
    q: str = ""
    run: str = ""

    @classmethod
    def from_query(cls, query: dict[str, str]) -> InvoiceFilter:
        state = query.get("state", "")
        kind = query.get("kind", "")
        return cls(
            state=state if state in State.values else "",
            kind=kind if kind in Kind.values else "",
            q=query.get("q", "").strip()[:100],
            run=query.get("run", "").strip()[:32],
        )


def invoice_list(edition: Edition, wanted: InvoiceFilter) -> QuerySet[Invoice]:
    """The edition's documents, drafts first, then by number; with their lines for totals."""
    rows = Invoice.objects.filter(edition=edition)
    if wanted.state:
        rows = rows.filter(state=wanted.state)
    if wanted.kind:
        rows = rows.filter(kind=wanted.kind)
    if wanted.run:
        rows = rows.filter(run=wanted.run)
    if wanted.q:
        rows = rows.filter(
            Q(buyer_name__icontains=wanted.q)
            | Q(number__icontains=wanted.q)
            | Q(buyer_ean__startswith=wanted.q)
            | Q(order_reference__icontains=wanted.q)
            | Q(lines__description__icontains=wanted.q)
        ).distinct()
    return rows.order_by(F("sequence").asc(nulls_first=True), "pk").prefetch_related("lines")


def runs(edition: Edition) -> list[tuple[str, int]]:
    """The runs of issued documents, newest first, with how many documents each."""
    return list(
        Invoice.objects.filter(edition=edition)
        .exclude(run="")
        .values("run")
        .annotate(n=Count("pk"))
        .order_by("-run")
        .values_list("run", "n")
    )


@dataclass(frozen=True)
class ToCredit:
    invoice: Invoice
    names: tuple[str, ...]
    reason: str  # "cancelled": cancelled free of charge; "buyer": now another buyer


def to_credit(edition: Edition) -> list[ToCredit]:
    """Issued invoices that no longer match the registrations: a participant on them has
    cancelled free of charge, or now belongs to another buyer (organisation or EAN). The
    organisers decide; the system never credits on its own."""
    lines = (
        InvoiceLine.objects.filter(
            invoice__edition=edition,
            invoice__kind=Kind.INVOICE,
            invoice__state=State.ISSUED,
            registration__isnull=False,
        )
        .select_related("registration", "invoice")
        .order_by("invoice__sequence", "position")
    )
    found: dict[tuple[int, str], list[str]] = {}
    invoices: dict[int, Invoice] = {}
    for line in lines:
        r = line.registration
        assert r is not None
        invoice = line.invoice
        if line.kind == "participant" and r.status == "cancelled" and not r.cancellation_fee:
            reason = "cancelled"
        elif (" ".join(r.organisation.split()), r.ean) != (invoice.buyer_name, invoice.buyer_ean):
            reason = "buyer"
        else:
            continue
        invoices[invoice.pk] = invoice
        found.setdefault((invoice.pk, reason), []).append(r.name)
    return [ToCredit(invoices[pk], tuple(names), reason) for (pk, reason), names in found.items()]
