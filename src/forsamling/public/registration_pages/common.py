"""What the registration pages share: Danish messages for the domain's refusals, the private
link's registration and the "check your e-mail" answer."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from forsamling.conferences.models import Edition
from forsamling.core import abuse
from forsamling.domain.danish import format_moment
from forsamling.domain.registration_rules import (
    AlreadyRegistered,
    EditionFull,
    NotEligible,
    RegistrationCancelled,
    RegistrationClosed,
    RegistrationNotOpen,
    RegistrationPaused,
)
from forsamling.invoicing import services as invoicing_services
from forsamling.registration import services
from forsamling.registration.models import GroupBooking, Registration
from forsamling.registration.queries import registration_by_link


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


def invitation_refused() -> str:
    return _("Invitationskoden er lige blevet brugt op eller tilbagekaldt. Kontakt arrangøren.")


def link_sent(
    request: HttpRequest, event: Edition, email: str, group: GroupBooking | None = None
) -> HttpResponse:
    """'Check your e-mail', whether or not the address is registered; the link is mailed at
    most once per FORSAMLING_RESEND_INTERVAL_SECONDS per address. The answer of every form that
    meets an address already registered (the single form, a group's next member, "send my link
    again"): none of them says whether it is. A group's secretary is sent back to the group."""
    if abuse.may_mail_link(event.slug, email):
        services.resend_link(edition=event, email=email)
    context = {"edition": event, "group": group}
    return render(request, "public/registration/link_sent.html", context)


def home(registration: Registration) -> HttpResponse:
    return redirect(
        "public:registration", edition=registration.edition.slug, token=registration.token
    )


def private_registration(request: HttpRequest, edition: str, token: str) -> Registration:
    registration = registration_by_link(edition, token)
    if registration is None:
        raise Http404("No such registration")
    request.edition = registration.edition  # type: ignore[attr-defined]
    return registration


def lacks_ean(organisation: str, ean: str) -> bool:
    """A municipality or region registered without EAN: warned, not refused (the invoice waits
    for it; see `invoicing`)."""
    return not ean.strip() and invoicing_services.looks_public(organisation)
