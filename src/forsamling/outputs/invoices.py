"""The invoice basis per organisation: participants, prices, EAN and references, totals."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.template.loader import render_to_string

from forsamling.conferences.models import Edition
from forsamling.domain.invoicing import (
    Invoice,
    InvoiceLine,
    amount_due,
    grand_total,
    group_invoices,
)
from forsamling.registration.models import Registration, Status


def invoices(edition: Edition) -> list[Invoice]:
    """Active participants at their category's price; late cancellations at their fee."""
    rows = []
    for r in Registration.objects.filter(edition=edition).select_related("category"):
        active = r.status == Status.ACTIVE
        amount = amount_due(
            active=active, price=r.category.price, cancellation_fee=r.cancellation_fee
        )
        if amount is None:
            continue
        line = InvoiceLine(
            name=r.name,
            person_reference=r.person_reference,
            category=r.category.name,
            amount=amount,
            is_cancellation_fee=not active,
        )
        rows.append((r.organisation, r.ean, r.order_reference, line))
    return group_invoices(rows)


def invoices_html(edition: Edition, chunk: Sequence[Invoice], *, all_: Sequence[Invoice]) -> str:
    return render_to_string(
        "outputs/invoices.html",
        {
            "edition": edition,
            "invoices": chunk,
            "count": len(all_),
            "grand_total": grand_total(all_),
            "is_last": bool(chunk) and chunk[-1] is all_[-1],
        },
    )


INVOICE_HEADERS = [
    "Organisation", "EAN-nummer", "Ordrenummer", "Deltager", "Personreference", "Kategori",
    "Afbudsgebyr", "Beløb (kr.)",
]  # fmt: skip


def invoice_rows(all_: Sequence[Invoice]) -> list[list[str | Decimal]]:
    """One row per participant, invoice after invoice, for the finance department's Excel."""
    return [
        [
            invoice.organisation,
            invoice.ean,
            invoice.order_reference,
            line.name,
            line.person_reference,
            line.category,
            "Ja" if line.is_cancellation_fee else "",
            line.amount,
        ]
        for invoice in all_
        for line in invoice.lines
    ]
