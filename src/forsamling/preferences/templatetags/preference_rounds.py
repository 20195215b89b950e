"""`{% preference_rounds_notice edition registration %}`: the registration pages' pointer to
the ranking page, so those pages need no knowledge of preference rounds."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.core.recent import recent
from forsamling.preferences.models import RoundStatus
from forsamling.preferences.queries import public_rounds, ranking_slots
from forsamling.registration.models import Registration

register = template.Library()


@register.inclusion_tag("preferences/_rounds_notice.html")
def preference_rounds_notice(
    edition: Edition, registration: Registration | None = None
) -> dict[str, Any]:
    rounds = [
        r
        for r in recent(("public-rounds", edition.pk), lambda: public_rounds(edition))
        if r.status == RoundStatus.PUBLISHED
        or (r.status == RoundStatus.OPEN and timezone.now() < r.closes_at)
        or registration is not None
    ]
    # A participant with nothing to rank in a round (its sessions are for other categories,
    # or they already hold a seat there) is told so, not asked to rank.
    nothing_to_rank = (
        {
            r.pk
            for r in rounds
            if not r.is_published
            and not any(s.held is None for s in ranking_slots(r, registration))
        }
        if registration is not None
        else set()
    )
    return {
        "edition": edition,
        "registration": registration,
        "rounds": rounds,
        "nothing_to_rank": nothing_to_rank,
        "anything_to_rank": any(r.pk not in nothing_to_rank for r in rounds),
    }
