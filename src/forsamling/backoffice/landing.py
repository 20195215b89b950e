"""Where a user lands after logging in to the back office: their own work, not the admin.

Django's admin index is the organisers' place. Door staff, jurors and readers have nothing to
do there (it says "Du har ikke rettigheder til at se eller redigere noget."), so they go
straight to their work for the edition nearest in time: door staff to the check-in app,
jurors to their nominations, readers to the overview.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone

from forsamling.accounts.access import admin_may, allowed_actions, editions_for
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Action


def nearest(editions: Iterable[Edition], today: date) -> Edition | None:
    """Today's edition, else the next to come, else the latest that has been."""
    listed = list(editions)
    running = [e for e in listed if e.start_date <= today <= e.end_date]
    coming = sorted((e for e in listed if e.start_date > today), key=lambda e: e.start_date)
    past = sorted((e for e in listed if e.end_date < today), key=lambda e: e.end_date)
    for found in (running[:1], coming[:1], past[-1:]):
        if found:
            return found[0]
    return None


def work_for(request: Any) -> str | None:
    """The address of the user's own work, or None for those who work in the admin (or have
    no edition: they see the admin's index and the list of conferences)."""
    if admin_may(request):
        return None
    user = request.user
    today = timezone.localdate()
    edition = nearest(editions_for(user), today)
    if edition is None:
        return None
    actions = allowed_actions(user, edition)
    door_day = edition.start_date <= today <= edition.end_date
    if Action.CHECK_IN in actions and (door_day or Action.SCORE_PRIZE not in actions):
        return reverse("backoffice:checkin_app", args=[edition.slug])
    if Action.SCORE_PRIZE in actions:
        return reverse("backoffice:prize_jury", args=[edition.slug])
    if Action.VIEW in actions:
        return reverse("backoffice:overview", args=[edition.slug])
    return None
