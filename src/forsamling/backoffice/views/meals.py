"""The kitchen list: the counts per meal and the special needs by name. Dietary needs may be
health data, so every page here asks for `VIEW_NEEDS` (organisers), not just `VIEW`."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.core.downloads import attachment
from forsamling.domain.meals import MAIN_DISHES
from forsamling.domain.permissions import Action
from forsamling.outputs import kitchen as kitchen_output
from forsamling.outputs.spreadsheets import to_xlsx
from forsamling.registration.diets import LABELS
from forsamling.registration.meals import kitchen

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def kitchen_page(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.VIEW_NEEDS)
    lines = kitchen(the_edition)
    return render(
        request,
        "backoffice/kitchen.html",
        {
            "edition": the_edition,
            "actions": actions,
            "dishes": [LABELS[dish] for dish in MAIN_DISHES],
            "lines": [
                {**kitchen_output.line_summary(line), "special": len(line.count.special)}
                for line in lines
            ],
        },
    )


def kitchen_pdf(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.VIEW_NEEDS)
    body = kitchen_output.kitchen_pdf(the_edition, kitchen(the_edition))
    return attachment(body, f"koekkenliste-{the_edition.slug}.pdf", "application/pdf")


def kitchen_xlsx(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.VIEW_NEEDS)
    rows = kitchen_output.kitchen_rows(kitchen(the_edition))
    body = to_xlsx("Køkkenliste", kitchen_output.KITCHEN_HEADERS, rows)
    return attachment(body, f"koekkenliste-{the_edition.slug}.xlsx", XLSX)
