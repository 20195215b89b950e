"""The exhibitor list for the printed programme (PDF and XLSX): what the public exhibitor page
shows, so anyone who may export may fetch it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.core.downloads import attachment
from forsamling.domain.permissions import Action
from forsamling.exhibitors import printed_list as exhibitor_list
from forsamling.exhibitors.queries import public_exhibitors
from forsamling.outputs.spreadsheets import to_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def exhibitor_list_pdf(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.EXPORT)
    entries = exhibitor_list.listed(public_exhibitors(the_edition))
    body = exhibitor_list.exhibitor_list_pdf(the_edition, entries)
    return attachment(body, f"udstillere-{the_edition.slug}.pdf", "application/pdf")


def exhibitor_list_xlsx(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.EXPORT)
    entries = exhibitor_list.listed(public_exhibitors(the_edition))
    rows = exhibitor_list.exhibitor_list_rows(entries)
    body = to_xlsx("Udstillere", exhibitor_list.EXHIBITOR_LIST_HEADERS, rows)
    return attachment(body, f"udstillere-{the_edition.slug}.xlsx", XLSX)
