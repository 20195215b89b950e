"""The survey's results as an XLSX workbook and a PDF report, made from the same report the
back office shows (`surveys.results`): counts per option and free texts, nothing per person
(no response ids, no times), and no group under five."""

from __future__ import annotations

from functools import partial

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from forsamling.outputs.spreadsheets import report_sheet, report_workbook, xlsx_bytes
from forsamling.surveys.results import Report

HIDDEN = "for få svar til at vise"


def result_rows(report: Report) -> list[list[object]]:
    """One row per option of each question in each group: group, question, answer, count,
    share, respondents."""
    rows: list[list[object]] = []
    for section in report.sections:
        for result in section.results:
            if result.texts is not None or result.question.kind == "text":
                continue
            if result.distribution is None:
                rows.append(
                    [section.title, result.question.text, HIDDEN, None, None, result.answered]
                )
                continue
            d = result.distribution
            for label, count, share in zip(d.labels, d.counts, d.shares, strict=True):
                rows.append(
                    [
                        section.title,
                        result.question.text,
                        label,
                        count,
                        round(share, 3),
                        d.respondents,
                    ]
                )
            if d.mean is not None:
                rows.append(
                    [section.title, result.question.text, "Gennemsnit", d.mean, None, d.respondents]
                )
    return rows


def text_rows(report: Report) -> list[list[object]]:
    rows: list[list[object]] = []
    for section in report.sections:
        for result in section.results:
            if result.question.kind != "text":
                continue
            if result.texts is None:
                rows.append([section.title, result.question.text, HIDDEN])
            for text in result.texts or []:
                rows.append([section.title, result.question.text, text])
    return rows


_sheet = partial(report_sheet, widths=(30, 50, 40, 10, 10, 10), freeze="A2")


def report_xlsx(report: Report) -> bytes:
    workbook = report_workbook()
    _sheet(
        workbook,
        "Fordelinger",
        ["Gruppe", "Spørgsmål", "Svar", "Antal", "Andel", "Svar i alt"],
        result_rows(report),
    )
    _sheet(workbook, "Fritekster", ["Gruppe", "Spørgsmål", "Tekst"], text_rows(report))
    return xlsx_bytes(workbook)


def report_html(report: Report) -> str:
    return render_to_string(
        "outputs/survey_report.html",
        {"report": report, "edition": report.survey.edition, "made": timezone.now()},
    )


def report_pdf(report: Report) -> bytes:
    return bytes(HTML(string=report_html(report)).write_pdf())
