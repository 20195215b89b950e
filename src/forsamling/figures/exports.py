"""The figures as an XLSX workbook (numbers as numbers) and a PDF report (WeasyPrint), from
the same `Figures` the back office shows."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from weasyprint import HTML

from forsamling.figures.reports import Figures, comparison_rows
from forsamling.outputs.spreadsheets import report_sheet, report_workbook, xlsx_bytes

HOUR_MARKS = (1, 5, 10, 15, 20, 30, 45, 60)


def hour_table(figures: Figures) -> list[tuple[int, int]]:
    """The running total after some of the first hour's minutes, for the text table."""
    assert figures.rush is not None
    return [(minute, figures.rush.first_hour[minute - 1]) for minute in HOUR_MARKS]


_sheet = partial(report_sheet, widths=(40,), freeze="B2")


def report_xlsx(years: list[Figures], *, revenue: bool) -> bytes:
    """One sheet side by side with earlier editions, then this edition's (the last) details;
    the revenue rows only with `revenue`."""
    f = years[-1]
    assert f.rush is not None
    workbook = report_workbook()
    _sheet(
        workbook,
        "Sammenligning",
        ["Tal", *(str(y.edition.year) for y in years)],
        [[row.label, *row.values] for row in comparison_rows(years, revenue=revenue)],
    )
    _sheet(
        workbook,
        "Kategorier",
        ["Kategori", "Tilmeldte", "Tjekket ind", "Udeblevet"],
        [[c.name, c.registered, c.arrived, c.no_shows] for c in f.by_category],
    )
    _sheet(
        workbook,
        "Regioner",
        ["Region", "Kommuner med deltagere", "Kommuner i alt", "Deltagere fra kommunerne",
         "Fra regionen selv"],
        [[r.region, r.municipalities, r.of, r.participants, r.from_region]
         for r in f.coverage.by_region],
    )  # fmt: skip
    _sheet(
        workbook,
        "Kommuner",
        ["Kommune", "Deltagere"],
        [[m, n] for m, n in f.coverage.by_municipality],
    )
    _sheet(
        workbook,
        "Udvalg",
        ["Udvalg", "Deltagere"],
        [[c, n] for c, n in f.committees.named]
        + [["Andre udvalg (under 5 hver)", f.committees.other]],
    )
    _sheet(
        workbook,
        "Første time",
        ["Minut", "Tilmeldte i alt"],
        [[minute + 1, total] for minute, total in enumerate(f.rush.first_hour)],
    )
    _sheet(workbook, "Dag for dag", ["Dag", "Tilmeldte i alt"], [[d, n] for d, n in f.rush.per_day])
    _sheet(
        workbook,
        "Sessioner",
        ["Session", "Break out", "Tilmeldte", "Pladser", "Ved døren", "Uden tilmelding",
         "Vurdering", "Svar"],
        [[s.title, s.slot, s.registered, s.capacity, s.attended, s.walk_ins, s.rating, s.answers]
         for s in f.sessions],
    )  # fmt: skip
    return xlsx_bytes(workbook)


def report_html(years: list[Figures], charts: Mapping[str, SafeString], *, revenue: bool) -> str:
    f = years[-1]
    return render_to_string(
        "figures/report.html",
        {
            "edition": f.edition,
            "years": years,
            "f": f,
            "rows": comparison_rows(years, revenue=revenue),
            "revenue": revenue,
            "hour_table": hour_table(f),
            "charts": charts,
            "made": timezone.now(),
        },
    )


def report_pdf(years: list[Figures], charts: Mapping[str, SafeString], *, revenue: bool) -> bytes:
    return bytes(HTML(string=report_html(years, charts, revenue=revenue)).write_pdf())
