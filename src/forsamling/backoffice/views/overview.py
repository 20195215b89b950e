"""The organisers' first pages: the editions, an edition's home and its live overview."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from forsamling.accounts.access import (
    allowed_actions,
    editions_for,
    may_manage_logins,
    require_staff,
)
from forsamling.backoffice import queries
from forsamling.backoffice.charts import cumulative_svg
from forsamling.backoffice.views.edition_access import edition_for
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Action


@staff_member_required
def editions(request: HttpRequest) -> HttpResponse:
    require_staff(request)
    return render(
        request,
        "backoffice/editions.html",
        {
            "editions": editions_for(request.user),
            "may_manage_logins": may_manage_logins(request.user),
        },
    )


def home(request: HttpRequest, edition: str) -> HttpResponse:
    """Check-in staff land in the check-in app, jurors at their nominations; everybody else
    at the overview."""
    require_staff(request)
    the_edition = get_object_or_404(Edition, slug=edition)
    allowed = allowed_actions(request.user, the_edition)
    if Action.VIEW in allowed:
        return redirect("backoffice:overview", edition)
    if Action.SCORE_PRIZE in allowed and Action.CHECK_IN not in allowed:
        return redirect("backoffice:prize_jury", edition)
    return redirect("backoffice:checkin_app", edition)


def overview(request: HttpRequest, edition: str) -> HttpResponse:
    """The whole page; `fragment` is the part the page's script re-fetches every 10 s."""
    the_edition, actions = edition_for(request, edition, Action.VIEW)
    figures = queries.overview(the_edition)
    context = {
        "edition": the_edition,
        "actions": actions,
        "figures": figures,
        "chart": mark_safe(  # charts.py escapes all text
            cumulative_svg(figures.per_day, title=_("Tilmeldinger over tid"))
        ),
        "now": timezone.now(),
    }
    fragment = "fragment" in request.GET
    template = "backoffice/_overview.html" if fragment else "backoffice/overview.html"
    return render(request, template, context)
