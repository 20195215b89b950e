"""KL's figures for an edition ("Tal og rapport"), beside earlier editions: the page, the
workbook and the PDF. The counting is in `forsamling.figures`."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from forsamling.backoffice.charts import bars_svg, cumulative_svg, running_svg
from forsamling.backoffice.views.edition_access import edition_for
from forsamling.conferences.models import Edition
from forsamling.core.downloads import attachment
from forsamling.domain.permissions import Action
from forsamling.figures import exports, reports
from forsamling.figures.reports import Figures
from forsamling.outputs.spreadsheets import XLSX


def _charts(f: Figures) -> dict[str, SafeString]:
    """The SVGs (charts.py escapes all text); each has a table beside it."""
    assert f.rush is not None
    daily, before = [], 0
    for day, total in f.rush.per_day:
        daily.append((day, total - before))
        before = total
    return {
        "regions": mark_safe(
            bars_svg(
                [(r.region, r.participants + r.from_region) for r in f.coverage.by_region],
                title=_("Deltagere pr. region"),
                chart_id="chart-regions",
            )
        ),
        "first_hour": mark_safe(
            running_svg(
                list(f.rush.first_hour),
                title=_("Tilmeldte i alt i den første time"),
                chart_id="chart-first-hour",
                first=_("åbning"),
                last=_("60 min."),
            )
        ),
        "per_day": mark_safe(
            cumulative_svg(daily, title=_("Tilmeldte i alt dag for dag"), chart_id="chart-days")
        ),
    }


def _years(
    request: HttpRequest, edition: str, action: Action = Action.VIEW
) -> tuple[Edition, set[Action], list[Figures]]:
    """The page needs the right to view; the downloads the right to export, as the other
    reports' downloads. Revenue is shown only to those who may see the invoices."""
    the_edition, actions = edition_for(request, edition, action)
    return the_edition, actions, reports.comparison(the_edition)


def figures(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions, years = _years(request, edition)
    f = years[-1]
    return render(
        request,
        "backoffice/figures.html",
        {
            "edition": the_edition,
            "actions": actions,
            "years": years,
            "f": f,
            "rows": reports.comparison_rows(years, revenue=Action.INVOICE in actions),
            "revenue": Action.INVOICE in actions,
            "hour_table": exports.hour_table(f),
            "charts": _charts(f),
        },
    )


def figures_xlsx(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions, years = _years(request, edition, Action.EXPORT)
    return attachment(
        exports.report_xlsx(years, revenue=Action.INVOICE in actions),
        f"tal-{the_edition.slug}.xlsx",
        XLSX,
    )


def figures_pdf(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions, years = _years(request, edition, Action.EXPORT)
    stamp = timezone.localdate().isoformat()
    return attachment(
        exports.report_pdf(years, _charts(years[-1]), revenue=Action.INVOICE in actions),
        f"tal-{the_edition.slug}-{stamp}.pdf",
        "application/pdf",
    )
