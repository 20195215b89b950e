"""The participant's privacy pages: the edition's notice, everything held about me (page and
JSON file), consents given and withdrawn, and erasure. Thin views: one service call each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from forsamling.conferences.models import Edition
from forsamling.core import abuse
from forsamling.core.downloads import personal_data_file
from forsamling.domain.registration_rules import cancellation_fee
from forsamling.domain.retention import ErasureEffect
from forsamling.privacy import access as privacy_access
from forsamling.privacy import consents, services
from forsamling.privacy.models import RequestKind
from forsamling.privacy.notice import blocks, default_text
from forsamling.privacy.retention import settings_for
from forsamling.public.editions import page_edition
from forsamling.public.registration_pages.common import private_registration
from forsamling.registration.forms import ResendLinkForm
from forsamling.registration.models import Purpose


def notice(request: HttpRequest, edition: str) -> HttpResponse:
    event = page_edition(request, edition, with_themes=False)
    published = event.privacy_notices.order_by("-version").first()
    settings = settings_for(event)
    return render(
        request,
        "public/privacy/notice.html",
        {
            "edition": event,
            "notice": published,
            "blocks": blocks(published.text if published else default_text(event)),
            "dates": settings.deletion_dates(),
            "settings": settings,
        },
    )


def my_data(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    services.record_export(registration=registration, kind=RequestKind.EXPORT_PAGE)
    return render(
        request,
        "public/privacy/my_data.html",
        {
            "edition": registration.edition,
            "registration": registration,
            "data": services.personal_data(registration),
            "registers": services.export_of_registration(registration)["registre"],
        },
    )


def my_data_json(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    services.record_export(registration=registration, kind=RequestKind.EXPORT_JSON)
    return _json_file(services.export_of_registration(registration), registration.edition)


@require_POST
def consent(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    purpose = request.POST.get("purpose", "")
    if purpose not in Purpose.values or not registration.is_active:
        raise Http404("No such consent")
    if purpose == Purpose.PHOTOS and not settings_for(registration.edition).asks_photo_consent:
        raise Http404("The edition does not ask for photos")
    if request.POST.get("give") == "1":
        consents.give_consent(registration=registration, purpose=purpose)
    else:
        consents.withdraw_consent(registration=registration, purpose=purpose)
    return redirect(
        "public:registration", edition=registration.edition.slug, token=registration.token
    )


def erase(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    effect = services.erasure_preview(registration)
    if request.method == "POST":
        services.request_erasure(registration=registration)
        return redirect("public:privacy_erased", edition=registration.edition.slug)
    fee = cancellation_fee(
        registration.category.price, timezone.now(), registration.edition.cancellation_deadline
    )
    return render(
        request,
        "public/privacy/erase.html",
        {
            "edition": registration.edition,
            "registration": registration,
            "cancels": effect == ErasureEffect.CANCEL,
            "fee": fee,
        },
    )


def access(request: HttpRequest, edition: str) -> HttpResponse:
    """'Få dine data': the same answer whatever the address (see `privacy.access`)."""
    event = page_edition(request, edition, with_themes=False)
    form = ResendLinkForm(request.POST or None)
    refusal = abuse.check_posted_form(request, form, name="data-access")
    if request.method == "POST" and form.is_valid():
        abuse.count_accepted(request, form="data-access")
        email = form.cleaned_data["email"]
        if abuse.may_mail_link(event.slug, email):
            privacy_access.request_link(edition=event, email=email)
        return render(request, "public/privacy/access_sent.html", {"edition": event})
    status = refusal.status if refusal else 400 if form.errors else 200
    return render(
        request, "public/privacy/access.html", {"edition": event, "form": form}, status=status
    )


def _access_email(request: HttpRequest, edition: str, token: str) -> tuple[Edition, str | None]:
    event = page_edition(request, edition, with_themes=False)
    return event, privacy_access.email_of(token)


def _gone(request: HttpRequest, event: Edition) -> HttpResponse:
    return render(request, "public/privacy/access_gone.html", {"edition": event}, status=404)


def access_data(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    event, email = _access_email(request, edition, token)
    if email is None:
        return _gone(request, event)
    privacy_access.record_export(edition=event, kind=RequestKind.EXPORT_PAGE)
    return render(
        request,
        "public/privacy/access_data.html",
        {
            "edition": event,
            "email": email,
            "token": token,
            "data": services.export_of_email(email),
        },
    )


def access_json(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    event, email = _access_email(request, edition, token)
    if email is None:
        return _gone(request, event)
    privacy_access.record_export(edition=event, kind=RequestKind.EXPORT_JSON)
    return _json_file(services.export_of_email(email), event)


@require_POST
def access_erase(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    event = page_edition(request, edition, with_themes=False)
    if not privacy_access.erase_by_link(edition=event, token=token):
        return _gone(request, event)
    return redirect("public:privacy_erased", edition=event.slug)


def _json_file(data: dict[str, Any], edition: Edition) -> HttpResponse:
    return personal_data_file(data, f"mine-oplysninger-{edition.slug}.json")


def erased(request: HttpRequest, edition: str) -> HttpResponse:
    event = page_edition(request, edition, with_themes=False)
    return render(request, "public/privacy/erased.html", {"edition": event})


OWN = "<slug:edition>/tilmelding/<slug:token>/"
PAGES: list[tuple[str, Callable[..., HttpResponse], str]] = [
    ("<slug:edition>/privatliv/", notice, "privacy_notice"),
    ("<slug:edition>/privatliv/slettet/", erased, "privacy_erased"),
    ("<slug:edition>/privatliv/dine-data/", access, "privacy_access"),
    ("<slug:edition>/privatliv/dine-data/<slug:token>/", access_data, "privacy_access_data"),
    (
        "<slug:edition>/privatliv/dine-data/<slug:token>/data.json",
        access_json,
        "privacy_access_json",
    ),
    ("<slug:edition>/privatliv/dine-data/<slug:token>/slet/", access_erase, "privacy_access_erase"),
    (OWN + "mine-oplysninger/", my_data, "privacy_data"),
    (OWN + "mine-oplysninger.json", my_data_json, "privacy_json"),
    (OWN + "samtykke/", consent, "privacy_consent"),
    (OWN + "slet/", erase, "privacy_erase"),
]
# Never cached: all but the notice carry a private link.
urlpatterns = [path(route, never_cache(view), name=name) for route, view, name in PAGES]
