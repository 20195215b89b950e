"""Reads of invoices: what issued invoices already cover, the lists of the back office."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from forsamling.conferences.models import Edition
from forsamling.invoicing.models import Invoice, InvoiceLine, Kind, State


@dataclass(frozen=True)
class Covered:
    """What an issued, uncredited invoice already bills: it is not drafted again."""

    registrations: frozenset[int]
    stands: frozenset[int]
    staff: frozenset[int]


def covered(edition: Edition) -> Covered:
    rows = InvoiceLine.objects.filter(
        invoice__edition=edition, invoice__kind=Kind.INVOICE, invoice__state=State.ISSUED
    ).values_list("registration_id", "stand_id", "stand_staff_id")
    registrations, stands, staff = set(), set(), set()
    for registration, stand, member in rows:
        if registration:
            registrations.add(registration)
        if stand:
            stands.add(stand)
        if member:
            staff.add(member)
    return Covered(frozenset(registrations), frozenset(stands), frozenset(staff))


def issued(edition: Edition) -> QuerySet[Invoice]:
    """Issued invoices and credit notes (a credited invoice was issued too), by number."""
    return (
        Invoice.objects.filter(edition=edition)
        .exclude(state=State.DRAFT)
        .order_by("sequence")
        .prefetch_related("lines")
        .select_related("credits", "edition__seller")
    )
