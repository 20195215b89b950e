"""The venue plan: the organisers upload the floor plan and place the rooms on it; the
participants see it on "Mit program" beside the rooms they go to."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from forsamling.backoffice.forms_venue_plan import VenuePlanForm
from forsamling.backoffice.views.edition_access import edition_for
from forsamling.domain.permissions import Action
from forsamling.exhibitors.images import image_response
from forsamling.programme.models import Room, VenuePlan
from forsamling.programme.venue_plans import remove_venue_plan, save_venue_plan


def venue_plan(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE)
    plan = VenuePlan.objects.filter(edition=the_edition).first()
    rooms = list(Room.objects.filter(edition=the_edition).order_by("order", "name"))
    if request.method == "POST" and request.POST.get("remove") == "ja":
        remove_venue_plan(edition=the_edition)
        messages.success(request, _("Lokaleoversigten er fjernet."))
        return redirect("backoffice:venue_plan", the_edition.slug)
    initial: dict[str, object] = {"description": plan.description if plan else ""}
    for room in rooms:
        initial[f"x_{room.pk}"], initial[f"y_{room.pk}"] = room.plan_x, room.plan_y
    form = VenuePlanForm(
        request.POST or None,
        request.FILES or None,
        plan=plan,
        rooms=rooms,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        save_venue_plan(
            edition=the_edition,
            image=form.cleaned_data["image"],
            description=form.cleaned_data["description"],
            positions=form.positions(),
        )
        messages.success(request, _("Lokaleoversigten er gemt."))
        return redirect("backoffice:venue_plan", the_edition.slug)
    return render(
        request,
        "backoffice/venue_plan.html",
        {"edition": the_edition, "actions": actions, "form": form, "plan": plan,
         "marked": [room for room in rooms if room.plan_x is not None and room.plan_y is not None]},
        status=400 if form.errors else 200,
    )  # fmt: skip


def venue_plan_image(request: HttpRequest, edition: str) -> FileResponse:
    the_edition, _actions = edition_for(request, edition, Action.MANAGE)
    plan = get_object_or_404(VenuePlan, edition=the_edition)
    return image_response(plan.image)
