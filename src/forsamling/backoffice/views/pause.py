"""Pausing and resuming new registrations for an edition."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.domain.permissions import Action
from forsamling.registration.pause import set_registration_paused


def registration_pause(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    if request.method == "POST":
        paused = request.POST.get("paused") == "ja"
        set_registration_paused(edition=the_edition, paused=paused, user=request.user)
        messages.success(
            request,
            _("Tilmeldingen er sat på pause.") if paused else _("Tilmeldingen er åbnet igen."),
        )
        return redirect("backoffice:registration_pause", the_edition.slug)
    return render(
        request,
        "backoffice/pause/pause.html",
        {"edition": the_edition, "actions": actions},
    )
