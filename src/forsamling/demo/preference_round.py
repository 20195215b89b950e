"""The demo's preference round: one breakout of the demo edition decided by ranking, so a new
user can rank its sessions on their private page, and the demo organiser can close the round,
run the allocation and publish it (Back office → Præferencer) to show the result."""

from __future__ import annotations

from datetime import datetime

from forsamling.conferences.models import Edition
from forsamling.domain.audit import DEMO
from forsamling.preferences import services
from forsamling.preferences.models import PreferenceRound
from forsamling.preferences.services import SlotNotAvailable
from forsamling.programme.models import Item, ItemKind
from forsamling.registration.queries import registration_closes_at

SLOT_TITLE = "Politiske forsamlingshuse"


def load_demo_round(edition: Edition, now: datetime) -> PreferenceRound | None:
    """Creates and opens the round unless the demo has one (or the breakout is gone or has
    seats given first come, first served, when `create_round` refuses it)."""
    existing = PreferenceRound.objects.filter(edition=edition).first()
    if existing is not None:
        return existing
    slot = Item.objects.filter(edition=edition, kind=ItemKind.BREAKOUT, title=SLOT_TITLE).first()
    if slot is None:
        return None
    try:
        round = services.create_round(
            edition=edition,
            title=SLOT_TITLE,
            slots=[slot],
            opens_at=edition.registration_opens_at or now,
            closes_at=registration_closes_at(edition),
            actor=DEMO,
        )
    except SlotNotAvailable:
        return None
    services.open_round(round=round, actor=DEMO)
    return round
