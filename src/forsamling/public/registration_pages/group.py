"""Group registration: the secretary's start page and the group's page, where the secretary
adds one colleague at a time (each registered as if they had registered themselves)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from forsamling.core import abuse
from forsamling.domain.registration_rules import RegistrationError
from forsamling.public.editions import page_edition
from forsamling.public.registration_pages.common import error_message, lacks_ean
from forsamling.public.registration_pages.single import REFUSALS, refusal_answer
from forsamling.registration import groups
from forsamling.registration.forms import GroupBookingForm, RegistrationForm
from forsamling.registration.models import GroupBooking
from forsamling.registration.organisations import organisation_names
from forsamling.registration.queries import (
    attendance_days,
    breakout_slots,
    group_overview,
    registration_closes_at,
)
from forsamling.registration.seats import edition_places


def group_start(request: HttpRequest, edition: str) -> HttpResponse:
    event = page_edition(request, edition, with_themes=False)
    form = GroupBookingForm(request.POST or None)
    refusal = abuse.check_posted_form(request, form, name="group")
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
    return abuse.with_retry_after(response, refusal)


def group(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The secretary's overview: the group's participants, its total, and one more participant."""
    event = page_edition(request, edition, with_themes=False)
    booking = GroupBooking.objects.filter(edition=event, token=token).first()
    if booking is None:
        raise Http404("No such group booking")
    form = RegistrationForm(
        request.POST or None,
        initial={
            "organisation": booking.organisation,
            "invitation_code": request.GET.get("kode", "")[:40],
        },
        categories=event.categories.all(),
        offers=breakout_slots(event),
        tracks=event.tracks.all(),
        days=attendance_days(event),
        for_secretary=True,
    )
    refusal = abuse.check_posted_form(request, form, name="register")
    if form.is_valid():
        member = groups.GroupMember(
            idempotency_key=form.cleaned_data["idempotency_key"],
            details=form.details(),
            category=form.cleaned_data["category"],
            sessions=form.cleaned_data["sessions"],
            track=form.cleaned_data["track"],
            invitation_code=form.cleaned_data["invitation_code"],
        )
        try:
            groups.add_group_member(
                group=booking, member=member, network=abuse.client_network(request)
            )
        except REFUSALS as error:
            answer = refusal_answer(request, event, form, error, group=booking)
            if answer is not None:
                return answer
        else:
            abuse.count_accepted(request, form="register", email=form.cleaned_data["email"])
            return redirect("public:registration_group", edition=event.slug, token=booking.token)
    context = {
        "edition": event,
        "group": booking,
        "overview": group_overview(booking),
        "ean_warning": lacks_ean(booking.organisation, booking.ean),
        "form": form,
        "organisations": organisation_names(),
        "places": edition_places(event),
        "closes_at": registration_closes_at(event),
    }
    status = refusal.status if refusal else 400 if request.method == "POST" else 200
    response = render(request, "public/registration/group.html", context, status=status)
    return abuse.with_retry_after(response, refusal)
