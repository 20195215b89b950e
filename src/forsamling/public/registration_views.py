"""Registration pages: the form, the confirmation, and the participant's private link page.

Thin views: a form, one service call, a redirect. Domain errors become Danish messages here.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from forsamling.conferences.models import Edition
from forsamling.core import abuse
from forsamling.domain.danish import format_moment
from forsamling.domain.eligibility import NotEligible
from forsamling.domain.registration_rules import (
    AlreadyRegistered,
    RegistrationCancelled,
    RegistrationClosed,
    RegistrationError,
    RegistrationNotOpen,
    RegistrationPaused,
    cancellation_fee,
)
from forsamling.invitations import services as invitations
from forsamling.invitations.services import InvitationInvalid
from forsamling.public.editions import page_edition
from forsamling.registration import groups, services
from forsamling.registration.forms import (
    NO_SESSION,
    ChoicesForm,
    DetailsForm,
    GroupBookingForm,
    RegistrationForm,
    ResendLinkForm,
    SubstituteForm,
)
from forsamling.registration.models import GroupBooking, Registration
from forsamling.registration.organisations import organisation_names
from forsamling.registration.queries import (
    breakout_slots,
    confirmation,
    group_overview,
    personal_programme,
    registration_by_key,
    registration_choices,
    registration_closes_at,
)


def error_message(error: Exception, edition: Edition) -> str:
    if isinstance(error, RegistrationNotOpen):
        if edition.registration_opens_at:
            return _("Tilmeldingen er ikke åbnet endnu. Den åbner %(moment)s.") % {
                "moment": format_moment(edition.registration_opens_at)
            }
        return _("Tilmeldingen er ikke åbnet endnu.")
    if isinstance(error, RegistrationClosed):
        return _("Tilmeldingen er lukket.")
    if isinstance(error, RegistrationPaused):
        return _(
            "Tilmeldingen er sat på pause af arrangøren. Prøv igen senere; det du har skrevet, "
            "er gemt her på siden."
        )
    if isinstance(error, AlreadyRegistered):
        return _("Der er allerede en tilmelding med denne e-mailadresse.")
    if isinstance(error, RegistrationCancelled):
        return _("Tilmeldingen er afmeldt og kan ikke længere ændres.")
    if isinstance(error, NotEligible):
        return _("Din deltagerkategori kan ikke deltage i en af de valgte sessioner.")
    return _("En af de valgte sessioner kan ikke vælges længere. Vælg igen.")


def register(request: HttpRequest, edition: str) -> HttpResponse:
    event = page_edition(request, edition, with_themes=False)
    now = timezone.now()
    closes_at = registration_closes_at(event)
    if now >= closes_at:
        if (made := _made_by_this_form(request, event)) is not None:
            return made
        return render(
            request, "public/registration/closed.html", {"edition": event, "closes_at": closes_at}
        )
    posted = request.method == "POST"
    # A posted form is checked against what the form offered a second ago; the seats left are
    # not needed (the service counts under lock). A shown form has the seats left now.
    categories, offers = registration_choices(event)
    form = RegistrationForm(
        request.POST or None,
        initial={
            "idempotency_key": secrets.token_urlsafe(24),
            "invitation_code": request.GET.get("kode", "")[:40],  # the invitation link
        },
        categories=categories,
        offers=offers if posted else breakout_slots(event),
    )
    refusal = None
    if posted and form.is_valid():
        refusal = abuse.check_registration(request, email=form.cleaned_data["email"])
        if refusal is not None:
            form.add_error(None, refusal.message)
    if posted and form.is_valid():
        try:
            result = _with_invitation(
                form,
                lambda: services.register_participant(
                    edition=event,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                    details=form.details(),
                    category=form.cleaned_data["category"],
                    sessions=form.cleaned_data["sessions"],
                ),
            )
        except InvitationInvalid:
            form.add_error("invitation_code", _invitation_refused())
        except AlreadyRegistered:
            # The same answer as "send my link again": a stranger does not learn here whether
            # the address is registered; its owner gets their link (at most once per interval).
            return _link_sent(request, event, form.cleaned_data["email"])
        except (RegistrationError, NotEligible) as error:
            form.add_error(None, error_message(error, event))
        else:
            return redirect(
                "public:registration_done", edition=event.slug, token=result.registration.token
            )
    if posted and (made := _made_by_this_form(request, event)) is not None:
        return made  # a retry whose form would not pass any more (a session changed since)
    if posted:  # shown again: with the seats left now
        form.offers = [o for o in breakout_slots(event) if f"slot_{o.slot.pk}" in form.fields]
    response = render(
        request,
        "public/registration/form.html",
        {
            "edition": event,
            "form": form,
            "is_open": event.registration_opens_at is not None
            and now >= event.registration_opens_at,
            "organisations": organisation_names(),
        },
        status=refusal.status
        if refusal is not None
        else 200
        if request.method == "GET" or form.is_valid()
        else 400,
    )
    return _with_retry_after(response, refusal)


def _invitation_refused() -> str:
    return _("Invitationskoden er lige blevet brugt op eller tilbagekaldt. Kontakt arrangøren.")


def _with_invitation(form: RegistrationForm, register: Callable[[], Any]) -> Any:
    """An invitation-only category: the code's use is counted in the registration's own
    transaction (a failed registration uses nothing, a retry of one that went through neither).
    Other categories (the 10.00 rush) go straight to the service."""
    category = form.cleaned_data["category"]
    if not category.invitation_only:
        return register()
    with transaction.atomic():
        invitations.redeem(category=category, code=form.cleaned_data["invitation_code"])
        result = register()
        if not getattr(result, "created", True):
            transaction.set_rollback(True)
        return result


def _with_retry_after(response: HttpResponse, refusal: abuse.Refusal | None) -> HttpResponse:
    if refusal is not None and refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return response


def _link_sent(request: HttpRequest, event: Edition, email: str) -> HttpResponse:
    """'Check your e-mail', whether or not the address is registered; the link is mailed at
    most once per FORSAMLING_RESEND_INTERVAL_SECONDS per address."""
    if abuse.may_mail_link(event.slug, email):
        services.resend_link(edition=event, email=email)
    return render(request, "public/registration/link_sent.html", {"edition": event})


FORM_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")  # secrets.token_urlsafe's alphabet


def _made_by_this_form(request: HttpRequest, event: Edition) -> HttpResponse | None:
    """The confirmation, if this posted form's idempotency key already made a registration:
    a double click or a retry gets its registration, even after closing. Asked only when the
    post would otherwise be refused, so the rush's happy path reads nothing for it."""
    key = request.POST.get("idempotency_key", "") if request.method == "POST" else ""
    if not FORM_KEY.fullmatch(key):  # what the form hands out; anything else made nothing
        return None
    made = registration_by_key(event, key)
    if made is None:
        return None
    return redirect("public:registration_done", edition=event.slug, token=made.token)


def resend_link(request: HttpRequest, edition: str) -> HttpResponse:
    event = page_edition(request, edition, with_themes=False)
    form = ResendLinkForm(request.POST or None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        refusal = abuse.check_resend(request)
        if refusal is None:
            return _link_sent(request, event, form.cleaned_data["email"])
        form.add_error(None, refusal.message)
    response = render(
        request,
        "public/registration/resend.html",
        {"edition": event, "form": form},
        status=refusal.status if refusal else 400 if form.errors else 200,
    )
    return _with_retry_after(response, refusal)


def _registration(request: HttpRequest, edition: str, token: str) -> Registration:
    # One query for the edition and the registration (the confirmation follows every POST).
    registration = (
        Registration.objects.select_related("edition", "category", "group")
        .filter(edition__slug=edition, edition__is_public=True, token=token)
        .first()
    )
    if registration is None:
        raise Http404("No such registration")
    request.edition = registration.edition  # type: ignore[attr-defined]
    return registration


def done(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The confirmation after the POST: the programme only, none of the private page's forms.
    It follows every registration at 10.00, so it reads what it shows in one query."""
    event = page_edition(request, edition, with_themes=False)
    found = confirmation(event, token)
    if found is None:
        raise Http404("No such registration")
    registration, lines = found
    return render(
        request,
        "public/registration/done.html",
        {"edition": event, "registration": registration, "lines": lines},
    )


def manage(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = _registration(request, edition, token)
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
    return {
        "edition": edition,
        "registration": registration,
        "lines": personal_programme(registration),
        "choices_form": forms.get("choices_form")
        or ChoicesForm(initial=initial, category=registration.category, offers=offers),
        "details_form": forms.get("details_form") or DetailsForm(initial=details),
        "substitute_form": forms.get("substitute_form") or SubstituteForm(),
        "fee": fee,
        "organisations": organisation_names(),
        "error": forms.get("error"),
    }


def _manage_action(
    request: HttpRequest, registration: Registration, form_name: str, form: Any, act: Any
) -> HttpResponse:
    if form.is_valid():
        try:
            act(form)
        except (RegistrationError, NotEligible) as error:
            context = _manage_context(registration, **{form_name: form})
            context["error"] = error_message(error, registration.edition)
            return render(request, "public/registration/manage.html", context, status=400)
        return redirect(
            "public:registration", edition=registration.edition.slug, token=registration.token
        )
    context = _manage_context(registration, **{form_name: form})
    return render(request, "public/registration/manage.html", context, status=400)


@require_POST
def change_choices(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = _registration(request, edition, token)
    form = ChoicesForm(
        request.POST, category=registration.category, offers=breakout_slots(registration.edition)
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


@require_POST
def update_details(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = _registration(request, edition, token)
    form = DetailsForm(request.POST)
    return _manage_action(
        request,
        registration,
        "details_form",
        form,
        lambda f: services.update_details(registration=registration, details=f.details()),
    )


@require_POST
def substitute(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = _registration(request, edition, token)
    form = SubstituteForm(request.POST)

    def act(f: SubstituteForm) -> None:
        colleague = replace(
            services.ParticipantDetails.of(registration),
            **f.cleaned_data,
            phone="",
            committee="",
            dietary="",
            accessibility_needs="",
            list_consent=False,
        )
        services.substitute_participant(registration=registration, details=colleague)

    return _manage_action(request, registration, "substitute_form", form, act)


def cancel(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = _registration(request, edition, token)
    if not registration.is_active:
        return redirect(
            "public:registration", edition=registration.edition.slug, token=registration.token
        )
    if request.method == "POST":
        services.cancel_registration(registration=registration)
        return redirect(
            "public:registration", edition=registration.edition.slug, token=registration.token
        )
    return render(request, "public/registration/cancel.html", _manage_context(registration))


def group_start(request: HttpRequest, edition: str) -> HttpResponse:
    event = page_edition(request, edition, with_themes=False)
    form = GroupBookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = groups.register_group(edition=event, **form.cleaned_data)
        except RegistrationError as error:
            form.add_error(None, error_message(error, event))
        else:
            return redirect("public:registration_group", edition=event.slug, token=group.token)
    context = {"edition": event, "form": form, "organisations": organisation_names()}
    return render(request, "public/registration/group_start.html", context)


def group(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The secretary's overview: the group's participants, its total, and one more participant."""
    event = page_edition(request, edition, with_themes=False)
    booking = GroupBooking.objects.filter(edition=event, token=token).first()
    if booking is None:
        raise Http404("No such group booking")
    form = RegistrationForm(
        request.POST or None,
        initial={
            "idempotency_key": secrets.token_urlsafe(24),
            "organisation": booking.organisation,
            "invitation_code": request.GET.get("kode", "")[:40],
        },
        categories=event.categories.all(),
        offers=breakout_slots(event),
    )
    refusal = None
    if request.method == "POST" and form.is_valid():
        refusal = abuse.check_registration(request, email=form.cleaned_data["email"])
        if refusal is not None:
            form.add_error(None, refusal.message)
    if request.method == "POST" and form.is_valid():
        member = groups.GroupMember(
            idempotency_key=form.cleaned_data["idempotency_key"],
            details=form.details(),
            category=form.cleaned_data["category"],
            sessions=form.cleaned_data["sessions"],
        )
        try:
            _with_invitation(form, lambda: groups.add_group_member(group=booking, member=member))
        except InvitationInvalid:
            form.add_error("invitation_code", _invitation_refused())
        except (RegistrationError, NotEligible) as error:
            field = "email" if isinstance(error, AlreadyRegistered) else None
            form.add_error(field, error_message(error, event))
        else:
            return redirect("public:registration_group", edition=event.slug, token=booking.token)
    context = {
        "edition": event,
        "group": booking,
        "overview": group_overview(booking),
        "form": form,
        "organisations": organisation_names(),
    }
    status = refusal.status if refusal else 400 if request.method == "POST" else 200
    response = render(request, "public/registration/group.html", context, status=status)
    return _with_retry_after(response, refusal)


def demo_inbox(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The demo edition never sends e-mail; its participants read their messages here."""
    registration = _registration(request, edition, token)
    if not registration.edition.is_demo:
        raise Http404("Only the demo has an inbox")
    messages = registration.messages.order_by("sent_at", "id")
    return render(
        request,
        "public/registration/demo_inbox.html",
        {"edition": registration.edition, "registration": registration, "messages": messages},
    )


# Never cached: the form carries a fresh idempotency key per page load (a cached copy would
# hand one person's registration to the next), and the other pages carry private links.
ROOT = "<slug:edition>/tilmelding/"
OWN = ROOT + "<slug:token>/"
PAGES: list[tuple[str, Callable[..., HttpResponse], str]] = [
    (ROOT, register, "register"),
    (ROOT + "send-link/", resend_link, "registration_resend"),
    (ROOT + "gruppe/", group_start, "registration_group_start"),
    (ROOT + "gruppe/<slug:token>/", group, "registration_group"),
    (OWN, manage, "registration"),
    (OWN + "kvittering/", done, "registration_done"),
    (OWN + "sessioner/", change_choices, "registration_choices"),
    (OWN + "oplysninger/", update_details, "registration_details"),
    (OWN + "overdrag/", substitute, "registration_substitute"),
    (OWN + "afmeld/", cancel, "registration_cancel"),
    (OWN + "post/", demo_inbox, "registration_inbox"),
]
urlpatterns = [path(route, never_cache(view), name=name) for route, view, name in PAGES]
