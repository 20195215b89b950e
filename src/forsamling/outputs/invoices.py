"""The invoice basis per organisation: participants, prices, EAN and references, totals."""

from __future__ import annotations

from collections.abc import Sequence

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
