"""Lead scanning on the exhibitor's private link: stand staff scan or type a visitor's badge
code, and the exhibitor downloads the visitors who consented (CSV or XLSX).

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
from django.views.decorators.http import require_GET, require_http_methods

from forsamling.core.downloads import attachment
from forsamling.domain import leads as rules
from forsamling.exhibitors import leads
from forsamling.exhibitors.forms import LeadScanForm
from forsamling.exhibitors.messages import describe_lead_error
from forsamling.exhibitors.models import Exhibitor
from forsamling.exhibitors.queries import exhibitor_by_token
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
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    form = LeadScanForm(request.POST or None)
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
            return redirect(_scan_url(exhibitor))
    response = render(
        request,
        "public/exhibitors/leads.html",
        {
            "edition": exhibitor.edition,
            "exhibitor": exhibitor,
            "form": form,
            "leads": list(leads.shared_leads(exhibitor)),
        },
        status=422 if form.is_bound else 200,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_GET
def download(request: HttpRequest, edition: str, token: str, kind: str) -> HttpResponse:
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    name = f"leads-{exhibitor.edition.slug}-{exhibitor.pk}"
    if kind == "xlsx":
        return attachment(leads.leads_xlsx(exhibitor), f"{name}.xlsx", XLSX)
    return attachment(leads.leads_csv(exhibitor), f"{name}.csv", "text/csv; charset=utf-8")


def _scan_url(exhibitor: Exhibitor) -> str:
    return reverse(
        "public:exhibitor_leads",
        kwargs={"edition": exhibitor.edition.slug, "token": exhibitor.token},
    )


urlpatterns = [
    path("<slug:edition>/udstillere/booking/<str:token>/leads/", scan, name="exhibitor_leads"),
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
