"""Copy to next year: the preview, then the copy (one POST)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from forsamling.backoffice.next_year import copy_to_next_year, preview
from forsamling.backoffice.views.edition_access import edition_for
from forsamling.domain.permissions import Action


def next_year(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE)
    if request.method == "POST":
        copy = copy_to_next_year(source=the_edition, user=request.user)
        messages.success(
            request,
            _(
                "%(title)s er oprettet som kopi med datoer flyttet et år frem. "
                "Den er ikke offentlig endnu: ret den til, og sæt flueben i 'vises på sitet'."
            )
            % {"title": copy.title},
        )
        return redirect("backoffice:overview", copy.slug)
    return render(
        request,
        "backoffice/next_year/next_year.html",
        {"edition": the_edition, "actions": actions, "preview": preview(the_edition)},
    )
