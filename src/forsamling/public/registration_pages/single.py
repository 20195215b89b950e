"""The registration form (one participant), its confirmation, and "send my link again".

Thin views: the form, the abuse checks (`core.abuse`), one service call
(`registration.services.register_participant`), a redirect; or the form again with its errors
in Danish.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.core import abuse
from forsamling.domain.registration_rules import AlreadyRegistered, NotEligible, RegistrationError
from forsamling.public.editions import page_edition
from forsamling.public.registration_pages.common import (
    error_message,
    invitation_refused,
    lacks_ean,
    link_sent,
)
from forsamling.registration import services
from forsamling.registration.forms import RegistrationForm, ResendLinkForm
from forsamling.registration.invitation_codes import InvitationInvalid
from forsamling.registration.models import GroupBooking
from forsamling.registration.organisations import organisation_names
from forsamling.registration.queries import (
    attendance_days,
    breakout_slots,
    confirmation,
    registration_choices,
    registration_closes_at,
)
from forsamling.registration.seats import edition_places


def register(request: HttpRequest, edition: str) -> HttpResponse:
    """The registration form: form, one service call (`services.register_participant`),
    redirect to the confirmation; or the form again with its errors in Danish."""
    event = page_edition(request, edition, with_themes=False)
    closes_at = registration_closes_at(event)
    if timezone.now() >= closes_at:
        return _made_by_this_form(request, event) or render(
            request, "public/registration/closed.html", {"edition": event, "closes_at": closes_at}
        )
    form = _registration_form(request, event)
    refusal = abuse.check_posted_form(request, form, name="register")
    if form.is_valid():
        try:
            result = services.register_participant(
                edition=event, network=abuse.client_network(request), **form.registration()
            )
        except REFUSALS as error:
            answer = refusal_answer(request, event, form, error)
            if answer is not None:
                return answer
        else:
            abuse.count_accepted(request, form="register", email=form.cleaned_data["email"])
            return redirect(
                "public:registration_done", edition=event.slug, token=result.registration.token
            )
    # A retry whose form would not pass any more (a session changed since) gets what it made.
    return _made_by_this_form(request, event) or _form_page(request, event, form, refusal)


def _registration_form(request: HttpRequest, event: Edition) -> RegistrationForm:
    """A posted form is checked against what the form offered a second ago; the seats left are
    not needed (the service counts under lock). A shown form has the seats left now."""
    posted = request.method == "POST"
    categories, offers, tracks = registration_choices(event)
    return RegistrationForm(
        request.POST or None,
        initial={"invitation_code": request.GET.get("kode", "")[:40]},  # the invitation link
        categories=categories,
        tracks=tracks,
        offers=offers if posted else breakout_slots(event),
        days=attendance_days(event),
    )


# What the service may refuse a participant's registration with (the single form, a group's
# next member); `refusal_answer` says how each is answered.
REFUSALS = (InvitationInvalid, AlreadyRegistered, RegistrationError, NotEligible)


def refusal_answer(
    request: HttpRequest,
    event: Edition,
    form: RegistrationForm,
    error: Exception,
    group: GroupBooking | None = None,
) -> HttpResponse | None:
    """How every form that registers one participant answers a refusal: for an address already
    registered, the same page as "send my link again" (a stranger does not learn whether it is;
    its owner gets their link, at most once per interval; issue 25); otherwise None, with the
    refusal as the form's error in Danish, so the form is shown again with what was typed."""
    if isinstance(error, AlreadyRegistered):
        return link_sent(request, event, form.cleaned_data["email"], group=group)
    if isinstance(error, InvitationInvalid):
        form.add_error("invitation_code", invitation_refused())
    else:
        form.add_error(None, error_message(error, event))
    return None


def _form_page(
    request: HttpRequest,
    event: Edition,
    form: RegistrationForm,
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
    return abuse.with_retry_after(response, refusal)


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
    refusal = abuse.check_posted_form(request, form, name="resend")
    if request.method == "POST" and form.is_valid():
        abuse.count_accepted(request, form="resend")
        return link_sent(request, event, form.cleaned_data["email"])
    response = render(
        request,
        "public/registration/resend.html",
        {"edition": event, "form": form},
        status=refusal.status if refusal else 400 if form.errors else 200,
    )
    return abuse.with_retry_after(response, refusal)


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
            "ean_warning": lacks_ean(registration.organisation, registration.ean),
        },
    )
