"""Exhibitor lists for the back office as CSV (Excel-friendly, UTF-8 with BOM) and XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from forsamling.domain.stands import total_price
from forsamling.exhibitors.models import Exhibitor

HEADERS = [
    "Organisation", "CVR-nummer", "Kontaktperson", "E-mail", "Telefon", "Fakturaadresse",
    "Ordrenummer/reference", "EAN-nummer", "Stande", "Pris i alt (kr.)", "Standpersonale",
    "Booket",
]  # fmt: skip


def exhibitor_rows(exhibitors: Sequence[Exhibitor]) -> list[list[Any]]:
    """One row per exhibitor, in the order given (the caller sorts the Danish way)."""
    rows = []
    for exhibitor in exhibitors:
        stands = list(exhibitor.stands.all())
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
            ]
        )
    return rows


def exhibitors_csv(exhibitors: Sequence[Exhibitor]) -> bytes:
    """Semicolon-separated with a BOM and decimal commas, as Danish Excel opens it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    for row in exhibitor_rows(exhibitors):
        writer.writerow(
            [f"{value:.2f}".replace(".", ",") if _is_amount(value) else value for value in row]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def exhibitors_xlsx(exhibitors: Sequence[Exhibitor]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Udstillere"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in exhibitor_rows(exhibitors):
        sheet.append([float(value) if _is_amount(value) else value for value in row])
    for column, header in zip(sheet.columns, HEADERS, strict=True):
        width = max(len(header), *(len(str(cell.value or "")) for cell in column))
        sheet.column_dimensions[column[0].column_letter].width = min(width + 2, 60)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _is_amount(value: Any) -> bool:
    return isinstance(value, Decimal)
