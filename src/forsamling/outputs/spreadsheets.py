"""Registrations as CSV (semicolon-separated, UTF-8 with BOM, for Danish Excel) and XLSX.

The rows come sorted from the caller (the Danish way); this module only lays them out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from forsamling.registration.diets import diet_words
from forsamling.registration.models import ChoiceStatus, Registration, Status

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

REGISTRATION_HEADERS = [
    "Navn", "E-mail", "Telefon", "Organisation", "Stilling", "Udvalg", "Kategori", "Sæson",
    "Status",
    "Sessioner", "Venteliste", "Middag", "Kosthensyn", "Tilgængelighed", "EAN-nummer",
    "Ordrenummer", "Personreference", "Må stå på deltagerlisten", "Tilmeldt", "Tjekket ind",
]  # fmt: skip
PARTICIPANT_LIST_HEADERS = ["Navn", "Stilling", "Organisation"]
# Dietary and accessibility needs may be health data: left out of exports unless asked for.
NEEDS_HEADERS = ("Kosthensyn", "Tilgængelighed")


def without_needs(
    headers: list[str], rows: list[list[object]]
) -> tuple[list[str], list[list[object]]]:
    """The export with the needs' columns taken out."""
    keep = [i for i, header in enumerate(headers) if header not in NEEDS_HEADERS]
    return [headers[i] for i in keep], [[row[i] for i in keep] for row in rows]


def _yes(value: bool) -> str:
    return "Ja" if value else "Nej"


def _moment(value: Any) -> datetime | str:
    """A moment as Copenhagen's wall-clock time: a date cell in XLSX, "dd.mm.yyyy tt.mm" in
    CSV (`_csv_value`); empty when there is none."""
    return timezone.localtime(value).replace(tzinfo=None) if value else ""


def registration_rows(registrations: Sequence[Registration]) -> list[list[object]]:
    """Expects `choices__session` prefetched and `category`, `checkin`, `track` selected."""
    rows: list[list[object]] = []
    for r in registrations:
        choices = list(r.choices.all())
        checkin = getattr(r, "checkin", None)
        rows.append(
            [
                r.name, r.email, r.phone, r.organisation, r.job_title, r.committee,
                r.category.name, r.track.name if r.track else "", str(Status(r.status).label),
                ", ".join(str(c.session) for c in choices if c.status == ChoiceStatus.CONFIRMED),
                ", ".join(str(c.session) for c in choices if c.status == ChoiceStatus.WAITING),
                _yes(r.dinner), diet_words(r.diets, r.dietary), r.accessibility_needs, r.ean,
                r.order_reference, r.person_reference, _yes(r.list_consent), _moment(r.created_at),
                _moment(checkin.at) if checkin else "",
            ]
        )  # fmt: skip
    return rows


def participant_list_rows(registrations: Sequence[Registration]) -> list[list[str]]:
    return [[r.name, r.job_title, r.organisation] for r in registrations]


# A cell that starts like a formula is run by Excel; participants type these fields.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: str) -> str:
    """What the CSV holds for a typed value: a leading apostrophe stops Excel's formulas."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _csv_value(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H.%M")
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")  # Danish Excel reads decimal commas
    return neutralised(value) if isinstance(value, str) else str(value)


def to_csv(headers: list[str], rows: Sequence[Sequence[object]]) -> bytes:
    """Semicolon-separated UTF-8 with a BOM, as Danish Excel opens it; formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([_csv_value(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_value(value: object) -> object:
    """A text XLSX can hold: characters it forbids (control characters a row stored before
    forms refused them may hold) become U+FFFD, so the export works and shows where."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def headed_sheet(workbook: Workbook, title: str, headers: list[str]) -> Worksheet:
    """A new sheet of the workbook, its first row the headers in bold."""
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    return sheet


DATE_TIME = "dd.mm.yyyy hh:mm"


def _shown(value: object) -> str:
    return "00.00.0000 00:00" if isinstance(value, datetime) else str(value)


def to_xlsx(title: str, headers: list[str], rows: Sequence[Sequence[object]]) -> bytes:
    """Amounts given as Decimal stay numbers, so Excel can add them up; any text is safe."""
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append([_xlsx_value(header) for header in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(header) for header in headers]
    for row in rows:
        sheet.append([_xlsx_value(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # openpyxl would store it as a formula
            elif isinstance(cell.value, datetime):
                cell.number_format = DATE_TIME  # a date Excel can sort and filter by
        widths = [max(w, len(_shown(v))) for w, v in zip(widths, row, strict=True)]
    for index, width in enumerate(widths):
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = min(width + 2, 60)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return xlsx_bytes(workbook)


def xlsx_bytes(workbook: Workbook) -> bytes:
    """The workbook as an .xlsx file's bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _report_value(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        return neutralised(ILLEGAL_CHARACTERS_RE.sub("\ufffd", value))
    return value


def report_workbook() -> Workbook:
    """An empty workbook for a report's sheets (`report_sheet`), without openpyxl's blank first
    sheet."""
    workbook = Workbook()
    assert workbook.active is not None
    workbook.remove(workbook.active)
    return workbook


def report_sheet(
    workbook: Workbook,
    title: str,
    headers: list[str],
    rows: list[list[object]],
    *,
    widths: Sequence[int],
    freeze: str,
) -> None:
    """A sheet of a report's workbook (the figures', the survey's): bold headers, numbers as
    numbers, any text safe (formulas neutralised, forbidden characters as U+FFFD), the first
    columns `widths` wide, and the panes frozen at `freeze`."""
    sheet = headed_sheet(workbook, title, headers)
    for row in rows:
        sheet.append([_report_value(v) for v in row])
    for letter, width in zip("ABCDEFGHIJ", widths, strict=False):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = freeze
