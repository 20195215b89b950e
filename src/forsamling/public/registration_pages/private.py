"""The participant's private link page and its actions: sessions, details, hand-over, cancel,
and the demo edition's inbox. Every action is one form and one service call."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from forsamling.domain.registration_rules import (
    AlreadyRegistered,
    NotEligible,
    RegistrationError,
    cancellation_fee,
)
from forsamling.public.badge_qr import badge_qr
from forsamling.public.editions import page_edition
from forsamling.public.registration_pages.common import (
    error_message,
    home,
    lacks_ean,
    private_registration,
)
from forsamling.registration import services
from forsamling.registration.forms import (
    NO_SESSION,
    ChoicesForm,
    DetailsForm,
    SubstituteForm,
    TrackForm,
)
from forsamling.registration.models import Registration
from forsamling.registration.organisations import organisation_names
from forsamling.registration.queries import (
    attendance_days,
    breakout_slots,
    personal_agenda,
    personal_programme,
)

# The private page holds three forms at once: each gets its own ids.
CHOICES_IDS, DETAILS_IDS, HANDOVER_IDS = "choices-%s", "details-%s", "handover-%s"
TRACK_IDS = "track-%s"


def manage(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The participant's home: their programme, badge code and the actions on their place.
    Also what a reload of an action's address shows (its GET)."""
    registration = private_registration(request, edition, token)
    return render(request, "public/registration/manage.html", _manage_context(registration))


def _manage_context(registration: Registration, **forms: Any) -> dict[str, Any]:
    edition = registration.edition
    offers = breakout_slots(edition)
    current = {str(c.slot_id): str(c.session_id) for c in registration.choices.all()}
    initial = {
        f"slot_{offer.slot.pk}": current.get(str(offer.slot.pk), NO_SESSION) for offer in offers
    }
    details = services.ParticipantDetails.of(registration).__dict__.copy()
    details["dinner"] = "ja" if registration.dinner else "nej"
    fee = cancellation_fee(
        registration.category.price, timezone.now(), edition.cancellation_deadline
    )
    lines = personal_programme(registration)
    days, unplaced = personal_agenda(registration, lines) if registration.is_active else ([], [])
    return {
        "edition": edition,
        "registration": registration,
        "lines": lines,
        "days": days,
        "unplaced": unplaced,
        "badge_qr": badge_qr(registration) if registration.is_active else "",
        "ean_warning": registration.is_active
        and lacks_ean(registration.organisation, registration.ean),
        "choices_form": forms.get("choices_form")
        or ChoicesForm(
            initial=initial,
            category=registration.category,
            offers=offers,
            auto_id=CHOICES_IDS,
        ),
        "details_form": forms.get("details_form")
        or DetailsForm(initial=details, auto_id=DETAILS_IDS, days=attendance_days(edition)),
        "substitute_form": forms.get("substitute_form") or SubstituteForm(auto_id=HANDOVER_IDS),
        "track_form": forms.get("track_form") or _track_form(registration),
        "fee": fee,
        "organisations": organisation_names(),
        "error": forms.get("error"),
        "opened": {key: key == forms.get("opened") for key in SECTIONS.values()},
    }


def _track_form(registration: Registration, data: Any = None) -> TrackForm | None:
    """Who registered with an afternoon track ("sæson") may change it; an edition without
    tracks asks nothing, and its page reads nothing for them."""
    if registration.track_id is None:
        return None
    return TrackForm(
        data,
        tracks=registration.edition.tracks.all(),
        initial={"track": str(registration.track_id)},
        auto_id=TRACK_IDS,
    )


SECTIONS = {
    "choices_form": "choices",
    "track_form": "track",
    "details_form": "details",
    "substitute_form": "handover",
}
SAVED = {
    "choices_form": _("Dine sessioner er gemt."),
    "track_form": _("Din sæson er gemt."),
    "details_form": _("Dine oplysninger er gemt."),
}


def _posted(request: HttpRequest) -> Any:
    """The posted data, even if empty (an empty form must show its errors), or None."""
    return request.POST if request.method == "POST" else None


def _manage_action(
    request: HttpRequest, registration: Registration, form_name: str, form: Any, act: Any
) -> HttpResponse:
    if request.method != "POST":  # a reload of the action's address: the page itself
        return home(registration)
    if form.is_valid():
        try:
            done = act(form)
        except AlreadyRegistered as error:  # the e-mail typed is someone else's
            form.add_error("email", error_message(error, registration.edition))
        except (RegistrationError, NotEligible) as error:
            form.add_error(None, error_message(error, registration.edition))
        else:
            if done is not None:
                return done
            messages.success(request, SAVED[form_name])
            return home(registration)
    context = _manage_context(registration, **{form_name: form}, opened=SECTIONS[form_name])
    return render(request, "public/registration/manage.html", context, status=400)


def change_choices(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    form = ChoicesForm(
        _posted(request),
        category=registration.category,
        offers=breakout_slots(registration.edition),
        auto_id=CHOICES_IDS,
    )
    return _manage_action(
        request,
        registration,
        "choices_form",
        form,
        lambda f: services.change_choices(
            registration=registration, sessions=f.cleaned_data["sessions"]
        ),
    )


def change_track(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    form = _track_form(registration, _posted(request))
    if form is None:
        raise Http404("The registration has no track to change")
    return _manage_action(
        request,
        registration,
        "track_form",
        form,
        lambda f: services.change_track(registration=registration, track=f.cleaned_data["track"]),
    )


def update_details(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    form = DetailsForm(
        _posted(request), auto_id=DETAILS_IDS, days=attendance_days(registration.edition)
    )
    return _manage_action(
        request,
        registration,
        "details_form",
        form,
        lambda f: services.update_details(registration=registration, details=f.details()),
    )


def substitute(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    form = SubstituteForm(_posted(request), auto_id=HANDOVER_IDS)

    def act(f: SubstituteForm) -> HttpResponse:
        services.substitute_participant(registration=registration, colleague=f.colleague())
        return redirect("public:registration_handed_over", edition=edition)

    return _manage_action(request, registration, "substitute_form", form, act)


def handed_over(request: HttpRequest, edition: str) -> HttpResponse:
    """Where the one who handed their place over lands: their link no longer works, and the
    colleague's link went to the colleague."""
    event = page_edition(request, edition, with_themes=False)
    return render(request, "public/registration/handed_over.html", {"edition": event})


def cancel(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    if not registration.is_active:
        return home(registration)
    if request.method == "POST":
        services.cancel_registration(registration=registration)
        messages.success(request, _("Du er afmeldt. Du får en bekræftelse på e-mail."))
        return home(registration)
    return render(request, "public/registration/cancel.html", _manage_context(registration))


def demo_inbox(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The demo edition never sends e-mail; its participants read their messages here."""
    registration = private_registration(request, edition, token)
    if not registration.edition.is_demo:
        raise Http404("Only the demo has an inbox")
    messages = registration.messages.order_by("sent_at", "id")
    return render(
        request,
        "public/registration/demo_inbox.html",
        {"edition": registration.edition, "registration": registration, "messages": messages},
    )
