"""The edition's venue plan: the floor plan image organisers upload, and where each room is
on it (shown to participants on "Mit program" beside the rooms they go to)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from forsamling.conferences.models import Edition
from forsamling.programme.models import Room, VenuePlan

Position = tuple[Decimal, Decimal] | None


def save_venue_plan(
    *,
    edition: Edition,
    description: str,
    positions: dict[int, Position],
    image: Any = None,
) -> VenuePlan:
    """Saves the plan (a new `image` replaces the old one; none keeps it) and the rooms'
    positions in per cent; a room given None is taken off the plan. One transaction."""
    with transaction.atomic(durable=True):
        plan = VenuePlan.objects.select_for_update().filter(edition=edition).first()
        if plan is None:
            if image is None:
                raise ValueError("A new venue plan needs its image")
            plan = VenuePlan(edition=edition)
        if image is not None:
            plan.image = image
        plan.description = description
        plan.save()
        rooms = list(Room.objects.filter(edition=edition, pk__in=positions))
        for room in rooms:
            position = positions[room.pk]
            room.plan_x, room.plan_y = position if position is not None else (None, None)
        Room.objects.bulk_update(rooms, ["plan_x", "plan_y"])
    return plan


def remove_venue_plan(*, edition: Edition) -> None:
    """No plan any more, and no room marked on it."""
    with transaction.atomic(durable=True):
        for plan in VenuePlan.objects.filter(edition=edition):
            plan.image.delete(save=False)
            plan.delete()
        Room.objects.filter(edition=edition).update(plan_x=None, plan_y=None)
