"""The organisers' pages: the editions, the live overview, the lists and their exports."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from forsamling.backoffice import queries
from forsamling.backoffice.charts import cumulative_svg
from forsamling.backoffice.permissions import (
    allowed_actions,
    editions_for,
    may_manage_logins,
    require,
    require_staff,
)
from forsamling.backoffice.views_registrations import breakouts_with_sessions
from forsamling.conferences.models import Edition
from forsamling.core.downloads import attachment
from forsamling.domain.permissions import Action
from forsamling.outputs import invoices, spreadsheets

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_member_required
def editions(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    return render(
        request,
        "backoffice/editions.html",
        {
            "editions": editions_for(request.user),
            "may_manage_logins": may_manage_logins(request.user),
        },
    )


def home(request: HttpRequest, edition: str) -> HttpResponse:
    """Check-in staff land in the check-in app, jurors at their nominations; everybody else
    at the overview."""
    require_staff(request)
    the_edition = get_object_or_404(Edition, slug=edition)
    allowed = allowed_actions(request.user, the_edition)
    if Action.VIEW in allowed:
        return redirect("backoffice:overview", edition)
    if Action.SCORE_PRIZE in allowed and Action.CHECK_IN not in allowed:
        return redirect("backoffice:prize_jury", edition)
    return redirect("backoffice:checkin_app", edition)


def overview(request: HttpRequest, edition: str) -> HttpResponse:
    """The whole page; `fragment` is the part the page's script re-fetches every 10 s."""
    the_edition = get_object_or_404(Edition, slug=edition)
    actions = require(request, the_edition, Action.VIEW)
    figures = queries.overview(the_edition)
    context = {
        "edition": the_edition,
        "actions": actions,
        "figures": figures,
        "chart": mark_safe(  # charts.py escapes all text
            cumulative_svg(figures.per_day, title=_("Tilmeldinger over tid"))
        ),
        "now": timezone.now(),
    }
    fragment = "fragment" in request.GET
    template = "backoffice/_overview.html" if fragment else "backoffice/overview.html"
    return render(request, template, context)


def registration_list(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition = get_object_or_404(Edition, slug=edition)
    wanted = queries.RegistrationFilter.from_query(request.GET.dict())
    export = request.GET.get("format", "")
    actions = require(request, the_edition, Action.EXPORT if export else Action.VIEW)
    rows = queries.registrations(the_edition, wanted)
    if export in {"csv", "xlsx"}:
        headers, table = spreadsheets.REGISTRATION_HEADERS, spreadsheets.registration_rows(rows)
        if not (Action.VIEW_NEEDS in actions and request.GET.get("behov") == "1"):
            headers, table = spreadsheets.without_needs(headers, table)  # health data: opt-in
        name = f"tilmeldinger-{the_edition.slug}"
        if export == "csv":
            body = spreadsheets.to_csv(headers, table)
            return attachment(body, f"{name}.csv", "text/csv; charset=utf-8")
        body = spreadsheets.to_xlsx("Tilmeldinger", headers, table)
        return attachment(body, f"{name}.xlsx", XLSX)
    page = Paginator(rows, 100).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "backoffice/registrations.html",
        {
            "edition": the_edition,
            "actions": actions,
            "page": page,
            "count": len(rows),
            "wanted": wanted,
            "query": query.urlencode(),
            **queries.filter_choices(the_edition),
        },
    )


def registration_detail(request: HttpRequest, edition: str, registration_id: int) -> HttpResponse:
    """One registration: details, sessions, arrival, its audit log and the e-mails it got."""
    the_edition = get_object_or_404(Edition, slug=edition)
    actions = require(request, the_edition, Action.VIEW)
    found = queries.registration_file(the_edition, registration_id)
    if found is None:
        raise Http404
    return render(
        request,
        "backoffice/registration.html",
        {
            "edition": the_edition,
            "actions": actions,
            "file": found,
            "registration": found.registration,
            "breakouts": breakouts_with_sessions(the_edition)
            if Action.CHANGE_REGISTRATION in actions
            else [],
        },
    )


def participant_list_xlsx(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition = get_object_or_404(Edition, slug=edition)
    require(request, the_edition, Action.EXPORT)
    rows = spreadsheets.participant_list_rows(queries.consenting_participants(the_edition))
    body = spreadsheets.to_xlsx("Deltagerliste", spreadsheets.PARTICIPANT_LIST_HEADERS, rows)
    return attachment(body, f"deltagerliste-{the_edition.slug}.xlsx", XLSX)


def invoices_xlsx(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition = get_object_or_404(Edition, slug=edition)
    # EANs, order references and amounts: the invoicing's data, for organisers only.
    require(request, the_edition, Action.INVOICE)
    rows = invoices.invoice_rows(invoices.invoices(the_edition))
    body = spreadsheets.to_xlsx("Fakturagrundlag", invoices.INVOICE_HEADERS, rows)
    return attachment(body, f"fakturagrundlag-{the_edition.slug}.xlsx", XLSX)
