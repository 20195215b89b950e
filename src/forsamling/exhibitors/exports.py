"""Exhibitor lists for the back office as CSV (Excel-friendly, UTF-8 with BOM) and XLSX."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from forsamling.domain.stands import total_price
from forsamling.exhibitors import staff_registrations
from forsamling.exhibitors.models import Exhibitor
from forsamling.exhibitors.queries import BookingSummary
from forsamling.outputs.spreadsheets import to_csv, to_xlsx

# Amounts without VAT ("ekskl. moms"), as on the booking page and the invoice.
HEADERS = [
    "Organisation", "CVR-nummer", "Kontaktperson", "E-mail", "Telefon", "Fakturaadresse",
    "Ordrenummer/reference", "EAN-nummer", "Stande", "Pris i alt (kr.)", "Standpersonale",
    "Booket", "Tilvalg", "Tilvalg ekskl. moms (kr.)", "Booking i alt ekskl. moms (kr.)",
]  # fmt: skip


def exhibitor_rows(exhibitors: Sequence[Exhibitor]) -> list[list[Any]]:
    """One row per exhibitor, in the order given (the caller sorts the Danish way); expects
    `stands`, `staff` and `extras__extra` prefetched."""
    rows = []
    pass_prices: dict[int, Any] = {}
    for exhibitor in exhibitors:
        stands = list(exhibitor.stands.all())
        if exhibitor.edition_id not in pass_prices:
            pass_prices[exhibitor.edition_id] = staff_registrations.pass_price(exhibitor.edition_id)
        summary = BookingSummary(
            stands=stands,
            staff=list(exhibitor.staff.all()),
            pass_price=pass_prices[exhibitor.edition_id],
            extras=list(exhibitor.extras.all()),
        )
        rows.append(
            [
                exhibitor.organisation,
                exhibitor.cvr,
                exhibitor.contact_name,
                exhibitor.contact_email,
                exhibitor.contact_phone,
                " ".join(exhibitor.invoice_address.split()),
                exhibitor.invoice_reference,
                exhibitor.ean,
                ", ".join(stand.number for stand in stands),
                total_price(stand.price for stand in stands),
                len(exhibitor.staff.all()),
                timezone.localtime(exhibitor.created_at).strftime("%d.%m.%Y %H.%M"),
                ", ".join(f"{order.quantity} × {order.extra.name}" for order in summary.extras),
                summary.extras_total,
                summary.total,
            ]
        )
    return rows


def exhibitors_csv(exhibitors: Sequence[Exhibitor]) -> bytes:
    return to_csv(HEADERS, exhibitor_rows(exhibitors))


def exhibitors_xlsx(exhibitors: Sequence[Exhibitor]) -> bytes:
    return to_xlsx("Udstillere", HEADERS, exhibitor_rows(exhibitors))
