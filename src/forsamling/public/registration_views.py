"""Registration pages: the form, the confirmation, and the participant's private link page.

Thin views: a form, one service call, a redirect. Domain errors become Danish messages here.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

import segno
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from forsamling.conferences.models import Edition
from forsamling.core import abuse
from forsamling.core.clients import client_network
from forsamling.domain.capacity import EditionFull
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
from forsamling.invitations.forms import RegistrationWithCodeForm
from forsamling.invitations.services import InvitationInvalid
from forsamling.invoicing import services as invoicing_services
from forsamling.outputs.badges import checkin_url
from forsamling.public.editions import page_edition
from forsamling.registration import groups, services
from forsamling.registration.forms import (
    NO_SESSION,
    ChoicesForm,
    DetailsForm,
    GroupBookingForm,
    ResendLinkForm,
    SubstituteForm,
)
from forsamling.registration.models import GroupBooking, Registration
from forsamling.registration.organisations import organisation_names
from forsamling.registration.places import places as edition_places
from forsamling.registration.queries import (
    breakout_slots,
    confirmation,
    group_overview,
    personal_agenda,
    personal_programme,
    registration_by_link,
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
    if isinstance(error, EditionFull):
        if error.wanted > 1:
            return _(
                "Der er ikke plads til hele gruppen: %(wanted)s deltagere, men kun %(left)s "
                "ledige pladser. Det, du har skrevet, er gemt her på siden."
            ) % {"wanted": error.wanted, "left": error.left}
        return _(
            "Konferencen blev fuldt booket, lige før du sendte formularen, og du er ikke "
            "tilmeldt. Det, du har skrevet, er gemt her på siden, så du kan sende det igen, "
            "hvis en plads bliver ledig."
        )
    return _("En af de valgte sessioner kan ikke vælges længere. Vælg igen.")


def register(request: HttpRequest, edition: str) -> HttpResponse:
    """The registration form: form, one service call (`invitations.services.register_invited`),
    redirect to the confirmation; or the form again with its errors in Danish."""
    event = page_edition(request, edition, with_themes=False)
    closes_at = registration_closes_at(event)
    if timezone.now() >= closes_at:
        return _made_by_this_form(request, event) or render(
            request, "public/registration/closed.html", {"edition": event, "closes_at": closes_at}
        )
    form = _registration_form(request, event)
    refusal = _refused(request, form)
    if form.is_valid():
        try:
            result = invitations.register_invited(
                edition=event, network=client_network(request), **form.registration()
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
            abuse.count_accepted(request, form="register", email=form.cleaned_data["email"])
            return redirect(
                "public:registration_done", edition=event.slug, token=result.registration.token
            )
    # A retry whose form would not pass any more (a session changed since) gets what it made.
    return _made_by_this_form(request, event) or _form_page(request, event, form, refusal)


def _registration_form(request: HttpRequest, event: Edition) -> RegistrationWithCodeForm:
    """A posted form is checked against what the form offered a second ago; the seats left are
    not needed (the service counts under lock). A shown form has the seats left now."""
    posted = request.method == "POST"
    categories, offers, tracks = registration_choices(event)
    return RegistrationWithCodeForm(
        request.POST or None,
        initial={
            "idempotency_key": secrets.token_urlsafe(24),
            "invitation_code": request.GET.get("kode", "")[:40],  # the invitation link
        },
        categories=categories,
        tracks=tracks,
        offers=offers if posted else breakout_slots(event),
    )


def _refused(request: HttpRequest, form: RegistrationWithCodeForm) -> abuse.Refusal | None:
    """The abuse checks (`core.abuse`), once a posted form is otherwise valid; a refusal is
    the form's error, so the form keeps what was typed."""
    if request.method != "POST" or not form.is_valid():
        return None
    refusal = abuse.check_registration(request, email=form.cleaned_data["email"])
    if refusal is not None:
        form.add_error(None, refusal.message)
    return refusal


def _form_page(
    request: HttpRequest,
    event: Edition,
    form: RegistrationWithCodeForm,
    refusal: abuse.Refusal | None,
) -> HttpResponse:
    posted = request.method == "POST"
    if posted:  # shown again: with the seats left now
        form.offers = [o for o in breakout_slots(event) if f"slot_{o.slot.pk}" in form.fields]
    now = timezone.now()
    response = render(
        request,
        "public/registration/form.html",
        {
            "edition": event,
            "form": form,
            "is_open": event.registration_opens_at is not None
            and now >= event.registration_opens_at,
            "organisations": organisation_names(),
            "places": edition_places(event),  # no query without a capacity
            "closes_at": registration_closes_at(event),
        },
        status=refusal.status if refusal is not None else 400 if posted else 200,
    )
    return _with_retry_after(response, refusal)


def _invitation_refused() -> str:
    return _("Invitationskoden er lige blevet brugt op eller tilbagekaldt. Kontakt arrangøren.")


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


def _made_by_this_form(request: HttpRequest, event: Edition) -> HttpResponse | None:
    """The confirmation, if the service says this posted form already made a registration."""
    if request.method != "POST":
        return None
    made = services.earlier_registration(
        edition=event, idempotency_key=request.POST.get("idempotency_key", "")
    )
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
            abuse.count_accepted(request, form="resend")
            return _link_sent(request, event, form.cleaned_data["email"])
        form.add_error(None, refusal.message)
    response = render(
        request,
        "public/registration/resend.html",
        {"edition": event, "form": form},
        status=refusal.status if refusal else 400 if form.errors else 200,
    )
    return _with_retry_after(response, refusal)


def _home(registration: Registration) -> HttpResponse:
    return redirect(
        "public:registration", edition=registration.edition.slug, token=registration.token
    )


def _registration(request: HttpRequest, edition: str, token: str) -> Registration:
    registration = registration_by_link(edition, token)
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
        {
            "edition": event,
            "registration": registration,
            "lines": lines,
            "ean_warning": _lacks_ean(registration.organisation, registration.ean),
        },
    )


def _lacks_ean(organisation: str, ean: str) -> bool:
    """A municipality or region registered without EAN: warned, not refused (the invoice waits
    for it; see `invoicing`)."""
    return not ean.strip() and invoicing_services.looks_public(organisation)


# The private page holds three forms at once: each gets its own ids.
CHOICES_IDS, DETAILS_IDS, HANDOVER_IDS = "choices-%s", "details-%s", "handover-%s"


def manage(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The participant's home: their programme, badge code and the actions on their place.
    Also what a reload of an action's address shows (its GET)."""
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
    lines = personal_programme(registration)
    days, unplaced = personal_agenda(registration, lines) if registration.is_active else ([], [])
    return {
        "edition": edition,
        "registration": registration,
        "lines": lines,
        "days": days,
        "unplaced": unplaced,
        "badge_qr": _badge_qr(registration) if registration.is_active else "",
        "ean_warning": registration.is_active
        and _lacks_ean(registration.organisation, registration.ean),
        "choices_form": forms.get("choices_form")
        or ChoicesForm(
            initial=initial,
            category=registration.category,
            offers=offers,
            auto_id=CHOICES_IDS,
        ),
        "details_form": forms.get("details_form")
        or DetailsForm(initial=details, auto_id=DETAILS_IDS),
        "substitute_form": forms.get("substitute_form") or SubstituteForm(auto_id=HANDOVER_IDS),
        "fee": fee,
        "organisations": organisation_names(),
        "error": forms.get("error"),
        "opened": {key: key == forms.get("opened") for key in SECTIONS.values()},
    }


def _badge_qr(registration: Registration) -> SafeString:
    """The badge's code as a QR code to show at the door: the same the printed badge holds."""
    svg = segno.make(checkin_url(registration.edition, registration.pk), error="m").svg_inline(
        scale=4, svgclass="badge-qr", title=_("QR-kode til indtjekning")
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))


SECTIONS = {"choices_form": "choices", "details_form": "details", "substitute_form": "handover"}
SAVED = {
    "choices_form": _("Dine sessioner er gemt."),
    "details_form": _("Dine oplysninger er gemt."),
}


def _posted(request: HttpRequest) -> Any:
    """The posted data, even if empty (an empty form must show its errors), or None."""
    return request.POST if request.method == "POST" else None


def _manage_action(
    request: HttpRequest, registration: Registration, form_name: str, form: Any, act: Any
) -> HttpResponse:
    if request.method != "POST":  # a reload of the action's address: the page itself
        return _home(registration)
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
            return _home(registration)
    context = _manage_context(registration, **{form_name: form}, opened=SECTIONS[form_name])
    return render(request, "public/registration/manage.html", context, status=400)


def change_choices(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = _registration(request, edition, token)
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


def update_details(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = _registration(request, edition, token)
    form = DetailsForm(_posted(request), auto_id=DETAILS_IDS)
    return _manage_action(
        request,
        registration,
        "details_form",
        form,
        lambda f: services.update_details(registration=registration, details=f.details()),
    )


def substitute(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = _registration(request, edition, token)
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
    registration = _registration(request, edition, token)
    if not registration.is_active:
        return _home(registration)
    if request.method == "POST":
        services.cancel_registration(registration=registration)
        messages.success(request, _("Du er afmeldt. Du får en bekræftelse på e-mail."))
        return _home(registration)
    return render(request, "public/registration/cancel.html", _manage_context(registration))


def group_start(request: HttpRequest, edition: str) -> HttpResponse:
    event = page_edition(request, edition, with_themes=False)
    form = GroupBookingForm(request.POST or None)
    refusal = None
    if request.method == "POST" and form.is_valid():
        refusal = abuse.check_form(request, form="group")
        if refusal is not None:
            form.add_error(None, refusal.message)
    if request.method == "POST" and form.is_valid():
        try:
            group = groups.register_group(edition=event, **form.cleaned_data)
        except RegistrationError as error:
            form.add_error(None, error_message(error, event))
        else:
            abuse.count_accepted(request, form="group")
            return redirect("public:registration_group", edition=event.slug, token=group.token)
    context = {
        "edition": event,
        "form": form,
        "organisations": organisation_names(),
        "places": edition_places(event),
        "closes_at": registration_closes_at(event),
    }
    status = refusal.status if refusal else 400 if form.errors else 200
    response = render(request, "public/registration/group_start.html", context, status=status)
    return _with_retry_after(response, refusal)


def group(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The secretary's overview: the group's participants, its total, and one more participant."""
    event = page_edition(request, edition, with_themes=False)
    booking = GroupBooking.objects.filter(edition=event, token=token).first()
    if booking is None:
        raise Http404("No such group booking")
    form = RegistrationWithCodeForm(
        request.POST or None,
        initial={
            "idempotency_key": secrets.token_urlsafe(24),
            "organisation": booking.organisation,
            "invitation_code": request.GET.get("kode", "")[:40],
        },
        categories=event.categories.all(),
        offers=breakout_slots(event),
        tracks=event.tracks.all(),
    )
    refusal = _refused(request, form)
    if form.is_valid():
        member = groups.GroupMember(
            idempotency_key=form.cleaned_data["idempotency_key"],
            details=form.details(),
            category=form.cleaned_data["category"],
            sessions=form.cleaned_data["sessions"],
            track=form.cleaned_data["track"],
        )
        try:
            invitations.add_invited_group_member(
                group=booking,
                member=member,
                invitation_code=form.cleaned_data["invitation_code"],
                network=client_network(request),
            )
        except InvitationInvalid:
            form.add_error("invitation_code", _invitation_refused())
        except (RegistrationError, NotEligible) as error:
            field = "email" if isinstance(error, AlreadyRegistered) else None
            form.add_error(field, error_message(error, event))
        else:
            abuse.count_accepted(request, form="register", email=form.cleaned_data["email"])
            return redirect("public:registration_group", edition=event.slug, token=booking.token)
    context = {
        "edition": event,
        "group": booking,
        "overview": group_overview(booking),
        "ean_warning": _lacks_ean(booking.organisation, booking.ean),
        "form": form,
        "organisations": organisation_names(),
        "places": edition_places(event),
        "closes_at": registration_closes_at(event),
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
    (ROOT + "overdraget/", handed_over, "registration_handed_over"),
    (OWN, manage, "registration"),
    (OWN + "kvittering/", done, "registration_done"),
    (OWN + "sessioner/", change_choices, "registration_choices"),
    (OWN + "oplysninger/", update_details, "registration_details"),
    (OWN + "overdrag/", substitute, "registration_substitute"),
    (OWN + "afmeld/", cancel, "registration_cancel"),
    (OWN + "post/", demo_inbox, "registration_inbox"),
]
urlpatterns = [path(route, never_cache(view), name=name) for route, view, name in PAGES]
