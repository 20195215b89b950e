"""Public exhibitor pages: the list with the stand map, booking, and the private booking page.

Each view is thin: a form, one service call, a message. The services decide; the domain's
errors come back here as Danish text next to the field they concern.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from forsamling.conferences.models import Edition
from forsamling.core import abuse
from forsamling.domain import stands as rules
from forsamling.exhibitors import services, staff_registrations
from forsamling.exhibitors.forms import BookingForm, ProfileForm, StaffDinnerForm, StandStaffForm
from forsamling.exhibitors.images import image_response
from forsamling.exhibitors.messages import describe
from forsamling.exhibitors.models import Exhibitor, FloorPlan, StandStaff
from forsamling.exhibitors.queries import (
    booking_summary,
    exhibitor_by_token,
    public_exhibitors,
    stand_map,
)
from forsamling.public.editions import page_edition


def exhibitors(request: HttpRequest, edition: str) -> HttpResponse:
    current = page_edition(request, edition)
    return render(
        request,
        "public/exhibitors/list.html",
        {
            "edition": current,
            "exhibitors": public_exhibitors(current),
            "map": stand_map(current),
            "floor_plan_url": _floor_plan_url(current),
            "window_error": _window_error(current),
            "closes_at": rules.booking_closes_at(current.exhibitors_close_at, current.start_date),
        },
    )


@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, edition: str) -> HttpResponse:
    current = page_edition(request, edition)
    form = BookingForm(request.POST or None, edition=current)
    refusal = abuse.check_posted_form(request, form, name="exhibitor")
    if request.method == "POST" and form.is_valid():
        try:
            exhibitor = services.book_stands(
                edition=current,
                stand_ids=form.stand_ids(),
                details=form.details(),
                extras=form.extra_quantities(),
            )
        except rules.StandTaken as error:
            form.add_error("stands", describe(error))
        except rules.StandError as error:
            form.add_error(None, describe(error))
        else:
            abuse.count_accepted(request, form="exhibitor")
            messages.success(
                request,
                _("Tak! Standen er booket. Vi har sendt en bekræftelse til %(email)s.")
                % {"email": exhibitor.contact_email},
            )
            return redirect(exhibitor)
    response = render(
        request,
        "public/exhibitors/book.html",
        {
            "edition": current,
            "form": form,
            "map": stand_map(current),
            "floor_plan_url": _floor_plan_url(current),
            "window_error": _window_error(current),
            "chosen": {str(pk) for pk in form["stands"].value() or []},
            "staff_price": staff_registrations.pass_price(current.pk),
        },
        status=refusal.status if refusal else 422 if form.is_bound else 200,
    )
    return abuse.with_retry_after(response, refusal)


@never_cache
def booking(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    return _booking_page(request, exhibitor)


@never_cache
@require_POST
def add_staff(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    ask_dinner = staff_registrations.registers_stand_staff(exhibitor.edition_id)
    form = StandStaffForm(request.POST, ask_dinner=ask_dinner)
    if form.is_valid():
        try:
            member = services.add_stand_staff(exhibitor=exhibitor, **form.cleaned_data)
        except rules.StandError as error:
            form.add_error(None, describe(error))
        else:
            messages.success(
                request,
                _("%(name)s er skrevet på som standpersonale og får en bekræftelse på e-mail.")
                % {"name": member.name},
            )
            return redirect(exhibitor)
    return _booking_page(request, exhibitor, staff_form=form, status=422)


@never_cache
@require_POST
def remove_staff(request: HttpRequest, edition: str, token: str, pk: int) -> HttpResponse:
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    member = get_object_or_404(StandStaff, pk=pk, exhibitor=exhibitor)
    services.remove_stand_staff(member=member)
    messages.success(request, _("%(name)s er fjernet fra standpersonalet.") % {"name": member.name})
    return redirect(exhibitor)


@never_cache
@require_POST
def staff_dinner(request: HttpRequest, edition: str, token: str, pk: int) -> HttpResponse:
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    member = get_object_or_404(StandStaff, pk=pk, exhibitor=exhibitor)
    form = StaffDinnerForm(request.POST)
    if not form.is_valid():  # only the page's own buttons post here
        return HttpResponseBadRequest(_("Svar ja eller nej."))
    dinner = form.cleaned_data["dinner"]
    if services.change_stand_staff_dinner(member=member, dinner=dinner):
        text = (
            _("%(name)s deltager i konferencemiddagen.")
            if dinner
            else _("%(name)s deltager ikke i konferencemiddagen.")
        )
        messages.success(request, text % {"name": member.name})
    else:
        messages.info(
            request,
            _("%(name)s har tilmeldt sig selv og melder til eller fra middagen på sit eget link.")
            % {"name": member.name},
        )
    return redirect(f"{exhibitor.get_absolute_url()}#standpersonale")


@never_cache
@require_POST
def update_profile(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    exhibitor = exhibitor_by_token(page_edition(request, edition), token)
    form = ProfileForm(request.POST, request.FILES, instance=exhibitor)
    if form.is_valid():
        services.update_exhibitor_profile(
            exhibitor=exhibitor,
            description=form.cleaned_data["description"],
            website=form.cleaned_data["website"],
            logo=request.FILES.get("logo"),
        )
        messages.success(request, _("Jeres udstillerprofil er gemt."))
        return redirect(exhibitor)
    # The bound form changed the instance in memory; show the stored profile beside it.
    exhibitor.refresh_from_db()
    return _booking_page(request, exhibitor, profile_form=form, status=422)


def floor_plan_image(request: HttpRequest, edition: str) -> FileResponse:
    plan = get_object_or_404(FloorPlan, edition=page_edition(request, edition))
    return image_response(plan.image)


def exhibitor_logo(request: HttpRequest, edition: str, pk: int) -> FileResponse:
    exhibitor = get_object_or_404(Exhibitor, pk=pk, edition=page_edition(request, edition))
    if not exhibitor.logo:
        raise Http404("No logo")
    return image_response(exhibitor.logo)


def _booking_page(
    request: HttpRequest,
    exhibitor: Exhibitor,
    *,
    staff_form: StandStaffForm | None = None,
    profile_form: ProfileForm | None = None,
    status: int = 200,
) -> HttpResponse:
    summary = booking_summary(exhibitor)
    response = render(
        request,
        "public/exhibitors/booking.html",
        {
            "edition": exhibitor.edition,
            "exhibitor": exhibitor,
            "summary": summary,
            "staff_form": staff_form or StandStaffForm(ask_dinner=summary.asks_dinner),
            "profile_form": profile_form or ProfileForm(instance=exhibitor),
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _floor_plan_url(edition: Edition) -> str:
    return reverse("public:exhibitor_floor_plan", kwargs={"edition": edition.slug})


def _window_error(edition: Edition) -> str:
    """Why booking is not possible right now, or '' when it is open."""
    try:
        rules.check_booking_window(
            now=timezone.now(),
            opens_at=edition.exhibitors_open_at,
            closes_at=edition.exhibitors_close_at,
            first_day=edition.start_date,
        )
    except rules.StandError as error:
        return describe(error)
    return ""


urlpatterns = [
    path("<slug:edition>/udstillere/", exhibitors, name="exhibitors"),
    path("<slug:edition>/udstillere/book/", book, name="exhibitor_book"),
    path("<slug:edition>/udstillere/plantegning/", floor_plan_image, name="exhibitor_floor_plan"),
    path("<slug:edition>/udstillere/logo/<int:pk>/", exhibitor_logo, name="exhibitor_logo"),
    path("<slug:edition>/udstillere/booking/<str:token>/", booking, name="exhibitor_booking"),
    path(
        "<slug:edition>/udstillere/booking/<str:token>/standpersonale/",
        add_staff,
        name="exhibitor_add_staff",
    ),
    path(
        "<slug:edition>/udstillere/booking/<str:token>/standpersonale/<int:pk>/fjern/",
        remove_staff,
        name="exhibitor_remove_staff",
    ),
    path(
        "<slug:edition>/udstillere/booking/<str:token>/standpersonale/<int:pk>/middag/",
        staff_dinner,
        name="exhibitor_staff_dinner",
    ),
    path(
        "<slug:edition>/udstillere/booking/<str:token>/profil/",
        update_profile,
        name="exhibitor_profile",
    ),
]
