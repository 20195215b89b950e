"""`{% preference_rounds_notice edition registration %}`: the registration pages' pointer to
the ranking page, so those pages need no knowledge of preference rounds."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.core.recent import recent
from forsamling.preferences.models import RoundStatus
from forsamling.preferences.queries import nothing_to_rank, public_rounds
from forsamling.registration.models import Registration
from forsamling.registration.queries import ProgrammeLine

register = template.Library()


@register.inclusion_tag("preferences/_rounds_notice.html")
def preference_rounds_notice(
    edition: Edition,
    registration: Registration | None = None,
    lines: list[ProgrammeLine] | None = None,
) -> dict[str, Any]:
    """`lines`: the registration's programme if the page has read it (the confirmation page
    has), so the slots they hold a seat in need no query."""
    rounds = [
        r
        for r in recent(("public-rounds", edition.pk), lambda: public_rounds(edition))
        if r.status == RoundStatus.PUBLISHED
        or (r.status == RoundStatus.OPEN and timezone.now() < r.closes_at)
        or registration is not None
    ]
    # A participant with nothing to rank in a round (its sessions are for other categories,
    # or they already hold a seat there) is told so, not asked to rank.
    nothing: set[int] = set()
    if registration is not None and rounds:
        held = (
            {line.choice.slot_id for line in lines}
            if lines is not None
            else set(registration.choices.values_list("slot_id", flat=True))
        )
        nothing = nothing_to_rank(edition, rounds, registration.category.attendee, held)
    return {
        "edition": edition,
        "registration": registration,
        "rounds": rounds,
        "nothing_to_rank": nothing,
        "anything_to_rank": any(r.pk not in nothing for r in rounds),
    }
