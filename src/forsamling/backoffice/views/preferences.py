"""The organisers' pages for preference rounds, under /backoffice/praeferencer/.

Create a round, open and close it, run the allocation (as a background task), look at the
preview, re-run it with a new seed if need be, and publish. Thin views: one service call
each. The back office's access rule guards every page: the list and the new round's form
offer only the editions the user organises, a round's pages need that role for its edition.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_tasks import TaskResultStatus

from forsamling.accounts.access import organised_editions, require, require_staff
from forsamling.conferences.models import Edition
from forsamling.core.form_fields import DATETIME_LOCAL
from forsamling.core.validators import SafeTextMixin
from forsamling.domain import audit
from forsamling.domain import preference_rounds as rules
from forsamling.domain.permissions import Action
from forsamling.domain.preference_rounds import preview
from forsamling.preferences import services
from forsamling.preferences.models import PreferenceRound
from forsamling.programme.models import Item, ItemKind, Session


def organiser(request: HttpRequest) -> audit.Actor:
    return audit.organiser(request.user.get_username())


class RoundForm(SafeTextMixin, forms.ModelForm):
    class Meta:
        model = PreferenceRound
        fields = ["edition", "title", "slots", "opens_at", "closes_at"]
        widgets = {
            "slots": forms.CheckboxSelectMultiple,
            "opens_at": DATETIME_LOCAL,
            "closes_at": DATETIME_LOCAL,
        }
        help_texts = {
            "slots": gettext_lazy("De break outs, hvor pladserne fordeles efter prioritering.")
        }

    def __init__(self, *args: Any, editions: QuerySet[Edition], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = editions  # type: ignore[attr-defined]
        self.fields["slots"].queryset = (  # type: ignore[attr-defined]
            Item.objects.filter(
                kind=ItemKind.BREAKOUT, preference_rounds=None, edition__in=editions
            )
            .select_related("edition", "day")
            .order_by("-edition__year", "day__date", "starts_at")
        )
        self.fields["slots"].label_from_instance = (  # type: ignore[attr-defined]
            lambda item: f"{item.edition.year}: {item}"
        )


def _page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(
        request,
        f"backoffice/preferences/{template}",
        {**admin.site.each_context(request), **context},
    )


def round_list(request: HttpRequest) -> HttpResponse:
    """The rounds of the editions the user organises, and a form for a new one."""
    require_staff(request)
    editions = organised_editions(request.user)
    if not editions.exists():
        raise PermissionDenied
    form = RoundForm(request.POST or None, editions=editions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["slots"] and any(s.edition_id != data["edition"].pk for s in data["slots"]):
            form.add_error("slots", _("Vælg break outs fra den valgte udgave."))
        elif data["closes_at"] <= data["opens_at"]:
            form.add_error("closes_at", _("Runden skal lukke, efter den åbner."))
        else:
            try:
                round = services.create_round(
                    edition=data["edition"],
                    title=data["title"],
                    slots=list(data["slots"]),
                    opens_at=data["opens_at"],
                    closes_at=data["closes_at"],
                    actor=organiser(request),
                )
            except services.SlotNotAvailable:
                form.add_error(
                    "slots",
                    _(
                        "Der er allerede valgt sessioner efter først til mølle i en af de valgte "
                        "break outs, eller den hører til en anden runde."
                    ),
                )
            else:
                return redirect("preferences_backoffice:round", round_id=round.pk)
    rounds = (
        PreferenceRound.objects.filter(edition__in=editions)
        .select_related("edition")
        .order_by("-edition__year", "-id")
    )
    return _page(
        request,
        "round_list.html",
        {"title": _("Præferencerunder"), "rounds": rounds, "form": form},
    )


def _preview_rows(round: PreferenceRound) -> list[dict[str, Any]]:
    if round.instance is None or round.result is None:
        return []
    slots = Item.objects.in_bulk([int(s["id"]) for s in round.instance["slots"]])
    sessions = Session.objects.in_bulk(
        [int(x["id"]) for s in round.instance["slots"] for x in s["sessions"]]
    )
    rows = []
    for slot in preview(round.instance, round.result):
        ranks = max(slot.by_rank, default=0)
        rows.append(
            {
                "slot": slots[int(slot.slot_id)],
                "preview": slot,
                "by_rank": [(r, slot.by_rank.get(r, 0)) for r in range(1, ranks + 1)],
                "sessions": [(sessions[int(f.session_id)], f) for f in slot.sessions],
            }
        )
    return rows


def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    round = get_object_or_404(PreferenceRound.objects.select_related("edition"), pk=round_id)
    require(request, round.edition, Action.MANAGE)
    return _page(
        request,
        "round_detail.html",
        {
            "title": str(round),
            "round": round,
            "slots": round.slots.order_by("day__date", "starts_at"),
            "rankers": round.rankings.values("registration").distinct().count(),
            "rows": _preview_rows(round),
        },
    )


@require_POST
def round_action(request: HttpRequest, round_id: str, action: str) -> HttpResponse:
    round = get_object_or_404(PreferenceRound.objects.select_related("edition"), pk=round_id)
    require(request, round.edition, Action.MANAGE)
    actor = organiser(request)
    try:
        if action == "open":
            services.open_round(round=round, actor=actor)
        elif action == "close":
            services.close_round(round=round, actor=actor)
        elif action in ("run", "rerun"):
            rules.check_transition(action, round.status)
            result = services.run_allocation_task.enqueue(round.pk, str(actor), action == "rerun")
            if result.status == TaskResultStatus.FAILED:
                messages.error(request, _("Fordelingen fejlede. Se loggen."))
            elif not result.is_finished:
                messages.info(request, _("Fordelingen kører. Opdater siden om lidt."))
        elif action == "publish":
            rules.check_transition(action, round.status)
            published = services.publish_round_task.enqueue(round.pk, str(actor))
            if published.status == TaskResultStatus.SUCCESSFUL:
                messages.success(
                    request,
                    _("Fordelingen er offentliggjort: %(seats)s pladser.")
                    % {"seats": published.return_value},
                )
            elif published.status == TaskResultStatus.FAILED:
                messages.error(request, _("Offentliggørelsen fejlede. Se loggen."))
            else:
                messages.info(request, _("Fordelingen offentliggøres. Opdater siden om lidt."))
    except rules.AlreadyPublished:
        messages.error(request, _("Fordelingen er offentliggjort og kan ikke ændres."))
    except rules.WrongRoundStatus:
        messages.error(request, _("Det kan ikke lade sig gøre i rundens nuværende status."))
    return redirect("preferences_backoffice:round", round_id=round.pk)
