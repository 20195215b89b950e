"""Lead scanning on the exhibitor's private link: stand staff scan or type a visitor's badge
code, and the exhibitor downloads the visitors who consented (CSV or XLSX). The contact can
hand the stand staff a scan-only link of its own, which scans and adds notes but shows no list,
no download and not the booking; making a new one ends the old.

The code travels in the POST body only, so no badge code or name lands in an address or a
server log. Thin views: a form, one service call, a message.
"""

from __future__ import annotations

from collections.abc import Callable

from csp.decorators import csp_update
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from forsamling.core.downloads import attachment
from forsamling.domain import leads as rules
from forsamling.exhibitors import leads
from forsamling.exhibitors.forms import LeadScanForm
from forsamling.exhibitors.messages import describe_lead_error
from forsamling.exhibitors.models import Exhibitor
from forsamling.exhibitors.queries import exhibitor_by_scan_token, exhibitor_by_token
from forsamling.outputs.spreadsheets import XLSX
from forsamling.public.editions import page_edition

# The barcode polyfill compiles ZXing's WebAssembly, as on the check-in app's pages.
with_wasm: Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]] = csp_update(
    {"script-src": ["'wasm-unsafe-eval'"]}
)  # type: ignore[assignment]


@with_wasm
@never_cache
@require_http_methods(["GET", "POST"])
def scan(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The contact's page: scanning, the list, its downloads and the staff's link."""
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    return _scan_page(request, exhibitor, staff=False)


@with_wasm
@never_cache
@require_http_methods(["GET", "POST"])
def staff_scan(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The stand staff's page on the scan-only link: scanning (with a note) and nothing else;
    the message after a scan names only the person just scanned."""
    exhibitor = exhibitor_by_scan_token(page_edition(request, edition), token)
    return _scan_page(request, exhibitor, staff=True)


def _scan_page(request: HttpRequest, exhibitor: Exhibitor, *, staff: bool) -> HttpResponse:
    form = LeadScanForm(request.POST or None)
    here = _staff_url(exhibitor) if staff else _scan_url(exhibitor)
    if request.method == "POST" and form.is_valid():
        try:
            result = leads.record_lead(
                exhibitor=exhibitor,
                code=form.cleaned_data["code"],
                note=form.cleaned_data["note"],
            )
        except rules.LeadError as error:
            form.add_error("code", describe_lead_error(error))
        else:
            person = result.lead.registration
            names = {"name": person.name, "organisation": person.organisation}
            if result.created:
                messages.success(request, _("Gemt: %(name)s, %(organisation)s.") % names)
            else:
                messages.info(
                    request, _("%(name)s, %(organisation)s er allerede på jeres liste.") % names
                )
            return redirect(here)
    context: dict[str, object] = {
        "edition": exhibitor.edition,
        "exhibitor": exhibitor,
        "form": form,
        "form_action": here,
        "staff": staff,
    }
    if not staff:
        context["leads"] = list(leads.shared_leads(exhibitor))
        if exhibitor.scan_token:
            context["staff_link"] = request.build_absolute_uri(_staff_url(exhibitor))
    response = render(
        request,
        "public/exhibitors/leads.html",
        context,
        status=422 if form.is_bound else 200,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_POST
def new_staff_link(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The contact makes the staff's scan link, or a new one: the old one stops working."""
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    had_one = bool(exhibitor.scan_token)
    leads.new_scan_link(exhibitor=exhibitor)
    if had_one:
        messages.success(
            request, _("Der er lavet et nyt link til standpersonalet. Det gamle virker ikke mere.")
        )
    else:
        messages.success(request, _("Linket til standpersonalet er lavet."))
    return redirect(_scan_url(exhibitor) + "#staff-link-heading")


@never_cache
@require_GET
def download(request: HttpRequest, edition: str, token: str, kind: str) -> HttpResponse:
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    name = f"leads-{exhibitor.edition.slug}-{exhibitor.pk}"
    if kind == "xlsx":
        return attachment(leads.leads_xlsx(exhibitor), f"{name}.xlsx", XLSX)
    return attachment(leads.leads_csv(exhibitor), f"{name}.csv", "text/csv; charset=utf-8")


def _staff_url(exhibitor: Exhibitor) -> str:
    return reverse(
        "public:exhibitor_staff_scan",
        kwargs={"edition": exhibitor.edition.slug, "token": exhibitor.scan_token},
    )


def _scan_url(exhibitor: Exhibitor) -> str:
    return reverse(
        "public:exhibitor_leads",
        kwargs={"edition": exhibitor.edition.slug, "token": exhibitor.token},
    )


urlpatterns = [
    path("<slug:edition>/udstillere/booking/<str:token>/leads/", scan, name="exhibitor_leads"),
    path(
        "<slug:edition>/udstillere/booking/<str:token>/leads/standlink/",
        new_staff_link,
        name="exhibitor_staff_link",
    ),
    path("<slug:edition>/udstillere/scan/<str:token>/", staff_scan, name="exhibitor_staff_scan"),
    path(
        "<slug:edition>/udstillere/booking/<str:token>/leads.csv",
        download,
        {"kind": "csv"},
        name="exhibitor_leads_csv",
    ),
    path(
        "<slug:edition>/udstillere/booking/<str:token>/leads.xlsx",
        download,
        {"kind": "xlsx"},
        name="exhibitor_leads_xlsx",
    ),
]
