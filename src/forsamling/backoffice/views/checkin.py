"""The check-in desk: type or scan the badge code, see the person, mark them arrived."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.checkin import services
from forsamling.checkin.queries import arrivals, badge_holder, find_by_name
from forsamling.domain.checkin import NotRegistered, UnknownBadge
from forsamling.domain.permissions import Action


def desk(request: HttpRequest, edition: str) -> HttpResponse:
    """POST checks in. GET ?kode= shows whose badge it is (a phone camera opens the badge's
    URL); GET ?navn= finds a participant who forgot the badge."""
    the_edition, actions = edition_for(request, edition, Action.CHECK_IN)
    context: dict[str, object] = {"edition": the_edition, "actions": actions}
    status = 200
    if request.method == "POST":
        code = request.POST.get("kode", "")
        try:
            result = services.check_in(edition=the_edition, code=code, by=request.user)
        except UnknownBadge:
            context["error"] = _("Koden passer ikke til et navneskilt til denne konference.")
            status = 404
        except NotRegistered:
            context["error"] = _("Tilmeldingen er afmeldt. Henvis personen til informationen.")
            status = 409
        else:
            context["result"] = result
    elif request.GET.get("kode"):
        holder = badge_holder(the_edition, request.GET["kode"])
        if holder is None:
            context["error"] = _("Koden passer ikke til et navneskilt til denne konference.")
            status = 404
        else:
            context["holder"] = holder
            context["code"] = request.GET["kode"]
    if request.GET.get("navn"):
        context["name"] = request.GET["navn"]
        context["matches"] = find_by_name(the_edition, request.GET["navn"])
    context["arrived"] = arrivals(the_edition).count()
    return render(request, "backoffice/checkin/desk.html", context, status=status)
