"""Preference rounds for participants: ranking sessions on the private link, how the allocation
works, and the published input and result for anyone to re-run.

Thin views: a form, one service call, a redirect. Domain errors become Danish messages here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from forsamling.core.downloads import JSON, attachment
from forsamling.domain import preference_rounds as rules
from forsamling.preferences import services
from forsamling.preferences.forms import RankingForm
from forsamling.preferences.models import PreferenceRound, RoundStatus
from forsamling.preferences.queries import (
    assigned_sessions,
    public_rounds,
    ranking_slots,
)
from forsamling.programme.models import Session
from forsamling.public.editions import page_edition
from forsamling.registration.models import Registration
from forsamling.registration.queries import registration_by_token


def error_message(error: Exception) -> str:
    if isinstance(error, rules.RankingClosed):
        return _("Prioriteringen er lukket, så dine valg kunne ikke gemmes.")
    return _("En af de valgte sessioner kan ikke vælges. Vælg igen.")


@dataclass
class RoundView:
    round: PreferenceRound
    form: RankingForm | None = None
    outcome: list[tuple[Any, Session | None]] = field(default_factory=list)
    held: list[Any] = field(default_factory=list)
    has_ranked: bool = False
    not_yet: bool = False
    pseudonym: str = ""
    nothing_to_rank: bool = False  # no session they may attend and hold no seat in


def _round_views(
    registration: Registration, posted: RankingForm | None = None, posted_round: int = 0
) -> list[RoundView]:
    now = timezone.now()
    views = []
    for round in public_rounds(registration.edition):
        view = RoundView(round)
        slots = ranking_slots(round, registration)
        view.held = [s for s in slots if s.held is not None]
        view.has_ranked = any(s.ranked for s in slots)
        view.not_yet = round.status == RoundStatus.OPEN and now < round.opens_at
        view.nothing_to_rank = not any(s.held is None for s in slots)
        if rules.is_ranking_open(round.status, now, round.opens_at, round.closes_at):
            view.form = posted if round.pk == posted_round else RankingForm(slots=slots)
        elif round.status == RoundStatus.PUBLISHED:
            assigned = assigned_sessions(round, registration)
            view.pseudonym = rules.pseudonym(round.pseudonym_key, registration.pk)
            sessions = Session.objects.in_bulk([s for s in assigned.values() if s])
            view.outcome = [
                (s.slot, sessions.get(assigned[s.slot.pk] or 0))
                for s in slots
                if s.slot.pk in assigned
            ]
        views.append(view)
    return views


def rank(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    event = page_edition(request, edition)
    registration = registration_by_token(event, token)
    if registration is None:
        raise Http404("No such registration")
    form, round_id, error = None, 0, None
    if request.method == "POST" and registration.is_active:
        round_field = request.POST.get("round", "")
        round = get_object_or_404(
            PreferenceRound, edition=event, pk=int(round_field) if round_field.isdigit() else 0
        )
        round_id = round.pk
        form = RankingForm(request.POST, slots=ranking_slots(round, registration))
        if form.is_valid():
            try:
                services.save_rankings(
                    round=round, registration=registration, rankings=form.cleaned_data["rankings"]
                )
            except rules.PreferenceRoundError as exc:
                error = error_message(exc)
            else:
                messages.success(request, _("Dine prioriteringer er gemt."))
                return redirect(
                    "public:registration_rankings", edition=event.slug, token=registration.token
                )
    context = {
        "edition": event,
        "registration": registration,
        "rounds": _round_views(registration, form, round_id),
        "error": error,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "public/preferences/rank.html", context, status=status)


def about(request: HttpRequest, edition: str) -> HttpResponse:
    event = page_edition(request, edition)
    return render(
        request,
        "public/preferences/about.html",
        {"edition": event, "rounds": public_rounds(event)},
    )


def download(request: HttpRequest, edition: str, round_id: int, kind: str) -> HttpResponse:
    """The published input (seed included) or result, byte for byte what the CLI reads and
    writes: keys sorted, two-space indent, a final newline."""
    event = page_edition(request, edition)
    round = get_object_or_404(PreferenceRound, edition=event, pk=round_id)
    if not round.is_published:
        raise Http404("Not published yet")
    data = round.instance if kind == "input" else round.result
    text = json.dumps(data, sort_keys=True, indent=2) + "\n"
    filename = f"fordeling-{event.slug}-{round.pk}-{'input' if kind == 'input' else 'resultat'}"
    return attachment(text, f"{filename}.json", JSON)


urlpatterns = [
    path(
        "<slug:edition>/tilmelding/<slug:token>/prioriteringer/",
        rank,
        name="registration_rankings",
    ),
    path("<slug:edition>/fordeling/", about, name="preferences_about"),
    path(
        "<slug:edition>/fordeling/<int:round_id>/input.json",
        download,
        {"kind": "input"},
        name="preferences_input",
    ),
    path(
        "<slug:edition>/fordeling/<int:round_id>/resultat.json",
        download,
        {"kind": "result"},
        name="preferences_result",
    ),
]
