"""Many registrations from one network or e-mail domain in a short time: the list, and one
step to cancel them (organisers only)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.domain import audit
from forsamling.domain.permissions import Action
from forsamling.registration.bursts import cancel_burst, recent_bursts

PERIODS = (10, 60, 24 * 60)  # minutes the organiser may look back


def _minutes(request: HttpRequest) -> int:
    default = max(1, settings.FORSAMLING_RATE_WINDOW_SECONDS // 60)
    try:
        minutes = int(request.GET.get("minutter", default))
    except ValueError:
        return default
    return minutes if minutes in {*PERIODS, default} else default


def bursts(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    minutes = _minutes(request)
    found = recent_bursts(
        the_edition,
        since=timezone.now() - timedelta(minutes=minutes),
        threshold=settings.FORSAMLING_BURST_THRESHOLD,
    )
    return render(
        request,
        "backoffice/bursts.html",
        {
            "edition": the_edition,
            "actions": actions,
            "bursts": found,
            "minutes": minutes,
            "periods": sorted({*PERIODS, max(1, settings.FORSAMLING_RATE_WINDOW_SECONDS // 60)}),
            "threshold": settings.FORSAMLING_BURST_THRESHOLD,
        },
    )


@require_POST
def cancel(request: HttpRequest, edition: str) -> HttpResponse:
    """Cancels exactly the registrations the page listed (not ones made since), once the
    organiser has ticked that they mean it."""
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    back = redirect("backoffice:bursts", the_edition.slug)
    ids = [int(part) for part in request.POST.get("ids", "").split(",") if part.isdigit()]
    if request.POST.get("confirm") != "ja" or not ids:
        messages.error(request, _("Intet er afmeldt: sæt flueben ved bekræftelsen, og prøv igen."))
        return back
    count = cancel_burst(
        edition=the_edition,
        ids=ids[:10_000],
        actor=audit.organiser(request.user.get_username()),
    )
    messages.success(
        request,
        ngettext("%(count)d tilmelding er afmeldt.", "%(count)d tilmeldinger er afmeldt.", count)
        % {"count": count},
    )
    return back
