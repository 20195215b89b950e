"""At the desk beside the check-in app: walk-ins, a badge printed again, and the organisers'
view of who has arrived and who has not."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.checkin import services as checkin
from forsamling.checkin.queries import arrivals_overview
from forsamling.checkin.tokens import badge_code
from forsamling.conferences.models import Edition
from forsamling.core.downloads import attachment
from forsamling.domain.audit import Actor, ActorKind
from forsamling.domain.permissions import Action
from forsamling.domain.registration_rules import AlreadyRegistered, NotEligible, RegistrationError
from forsamling.invitations.forms import RegistrationWithCodeForm
from forsamling.outputs import badges
from forsamling.registration import services
from forsamling.registration.forms import new_idempotency_key
from forsamling.registration.models import Category, Registration
from forsamling.registration.organisations import organisation_names
from forsamling.registration.queries import attendance_days, breakout_slots

DESK = "Skranken"


def walk_in(request: HttpRequest, edition: str) -> HttpResponse:
    """Registers someone on the spot with the public form's rules, checks them in and offers
    their badge. Only the public window is not asked: the conference has begun."""
    the_edition, actions = edition_for(request, edition, Action.CHECK_IN)
    categories = list(Category.objects.filter(edition=the_edition))
    form = RegistrationWithCodeForm(
        request.POST or None,
        initial={"idempotency_key": new_idempotency_key()},
        categories=categories,
        offers=breakout_slots(the_edition),
        tracks=the_edition.tracks.all(),  # the public form's question, asked here too
        days=attendance_days(the_edition),
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = services.register_participant(
                edition=the_edition,
                idempotency_key=form.cleaned_data["idempotency_key"],
                details=form.details(),
                category=form.cleaned_data["category"],
                sessions=form.cleaned_data["sessions"],
                track=form.cleaned_data["track"],
                actor=Actor(ActorKind.CHECKIN, request.user.get_username()),
                outside_window=True,
                may_exceed_capacity=True,  # the person is at the door
            )
        except AlreadyRegistered:
            form.add_error(
                "email",
                _("Der er allerede en tilmelding med denne e-mailadresse. Søg personen frem."),
            )
        except (RegistrationError, NotEligible):
            form.add_error(None, _("En af de valgte sessioner kan ikke vælges længere. Vælg igen."))
        else:
            registration = result.registration
            if result.over_capacity:
                messages.warning(
                    request,
                    _(
                        "%(name)s er tilmeldt, men konferencen har nu flere deltagere end "
                        "pladser i alt (%(capacity)s). Sig det til arrangøren."
                    )
                    % {"name": registration.name, "capacity": the_edition.capacity},
                )
            checkin.record_event(
                edition=the_edition,
                event_id=uuid.uuid5(uuid.NAMESPACE_URL, f"walk-in:{registration.pk}"),
                code=badge_code(registration.pk),
                device=DESK,
                scanned_at=timezone.now(),
                by=request.user,
            )
            return redirect("backoffice:checkin_badge_page", edition, registration.pk)
    return render(
        request,
        "backoffice/checkin_app/walk_in.html",
        {
            "edition": the_edition,
            "actions": actions,
            "form": form,
            "organisations": organisation_names(),
        },
        status=400 if request.method == "POST" else 200,
    )


def badge_page(request: HttpRequest, edition: str, registration_id: int) -> HttpResponse:
    """One person's badge to print: for the label printer or on A6."""
    the_edition, actions = edition_for(request, edition, Action.CHECK_IN)
    registration = _registration(the_edition, registration_id)
    return render(
        request,
        "backoffice/checkin_app/badge.html",
        {"edition": the_edition, "actions": actions, "registration": registration},
    )


def badge_pdf(
    request: HttpRequest, edition: str, registration_id: int, layout: str
) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.CHECK_IN)
    if layout not in {badges.LABEL, badges.PAGES}:
        raise Http404
    registration = _registration(the_edition, registration_id)
    pdf = badges.badge_pdf(the_edition, [registration], layout)
    name = "etiket" if layout == badges.LABEL else "a6"
    return attachment(
        pdf, f"navneskilt-{registration.pk}-{name}.pdf", "application/pdf", disposition="inline"
    )


def arrivals(request: HttpRequest, edition: str) -> HttpResponse:
    """Arrivals by time, category and session door, live; and who has not come."""
    the_edition, actions = edition_for(request, edition, Action.VIEW)
    fragment = "fragment" in request.GET
    return render(
        request,
        f"backoffice/checkin_app/{'_arrivals' if fragment else 'arrivals'}.html",
        {"edition": the_edition, "actions": actions, "a": arrivals_overview(the_edition)},
    )


def _registration(edition: Edition, registration_id: int) -> Registration:
    found = (
        Registration.objects.select_related("category")
        .filter(edition=edition, pk=registration_id)
        .first()
    )
    if found is None:
        raise Http404
    return found
