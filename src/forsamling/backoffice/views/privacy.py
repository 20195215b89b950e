"""The edition's personal data for organisers: the record of processing (what is held, by
category, until when), the settings and notice, and the audit of export and erasure requests."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.conferences.models import Edition
from forsamling.core.downloads import personal_data_file
from forsamling.domain.permissions import Action
from forsamling.domain.registration_rules import cancellation_fee
from forsamling.domain.retention import ErasureEffect
from forsamling.privacy import queries, services
from forsamling.privacy.consents import current_wording
from forsamling.privacy.forms import PrivacyForm
from forsamling.privacy.models import RequestKind, RequestOutcome
from forsamling.privacy.notice import default_text
from forsamling.privacy.retention import settings_for
from forsamling.registration.models import Registration


def record(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.VIEW)
    return render(
        request,
        "backoffice/privacy/record.html",
        {
            "edition": the_edition,
            "actions": actions,
            "record": queries.record_of_processing(the_edition),
        },
    )


def settings(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE_PRIVACY)
    current = settings_for(the_edition)
    notice = the_edition.privacy_notices.order_by("-version").first()
    wording = current_wording(the_edition)
    initial = {
        "text": notice.text if notice else default_text(the_edition),
        "list_consent_text": wording.participant_list,
        "photo_consent_text": wording.photos,
    }
    form = PrivacyForm(request.POST or None, instance=current, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = services.update_privacy(
            settings=form.save(commit=False),
            text=form.cleaned_data["text"],
            list_consent_text=form.cleaned_data["list_consent_text"],
            photo_consent_text=form.cleaned_data["photo_consent_text"],
            user=request.user,
        )
        if version:
            messages.success(request, _("Version %(n)s er offentliggjort.") % {"n": version})
        else:
            messages.success(request, _("Indstillingerne er gemt."))
        return redirect("backoffice:privacy", the_edition.slug)
    return render(
        request,
        "backoffice/privacy/settings.html",
        {"edition": the_edition, "actions": actions, "form": form, "notice": notice},
        status=400 if request.method == "POST" else 200,
    )


def request_log(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE_PRIVACY)
    return render(
        request,
        "backoffice/privacy/requests.html",
        {"edition": the_edition, "actions": actions, "requests": queries.requests(the_edition)},
    )


def _registration(edition: Edition, registration_id: int) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("edition", "category", "group"),
        edition=edition,
        pk=registration_id,
    )


def export_for(request: HttpRequest, edition: str, registration_id: int) -> HttpResponse:
    """A person asked the organisers for their data: the same file they could download."""
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_PRIVACY)
    registration = _registration(the_edition, registration_id)
    services.record_export(
        registration=registration, kind=RequestKind.EXPORT_JSON, by_user=request.user
    )
    name = f"oplysninger-{the_edition.slug}-{registration.pk}.json"
    return personal_data_file(services.personal_data(registration), name)


def erase_for(request: HttpRequest, edition: str, registration_id: int) -> HttpResponse:
    """A person asked the organisers to be erased: the same rules as on their own page."""
    the_edition, actions = edition_for(request, edition, Action.MANAGE_PRIVACY)
    registration = _registration(the_edition, registration_id)
    if request.method == "POST":
        outcome = services.request_erasure(registration=registration, by_user=request.user)
        messages.success(
            request,
            _("Tilmelding #%(id)s: %(outcome)s.")
            % {"id": registration.pk, "outcome": RequestOutcome(outcome).label},
        )
        return redirect("backoffice:privacy_requests", the_edition.slug)
    fee = cancellation_fee(
        registration.category.price, timezone.now(), the_edition.cancellation_deadline
    )
    return render(
        request,
        "backoffice/privacy/erase.html",
        {
            "edition": the_edition,
            "actions": actions,
            "registration": registration,
            "cancels": services.erasure_preview(registration) == ErasureEffect.CANCEL,
            "fee": fee,
        },
    )
