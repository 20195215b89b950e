"""Reads of the programme shared by pages and exports."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from forsamling.conferences.models import Edition
from forsamling.programme.models import Item, ItemKind, Session, SessionSpeaker, Track


@dataclass
class AnnouncedProgramme:
    """What an edition announces before (or beside) a full timetable: tracks and sessions."""

    tracks: list[Track] = field(default_factory=list)
    breakouts: list[Item] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.tracks or self.breakouts)


def announced_programme(edition: Edition) -> AnnouncedProgramme:
    sessions = Session.objects.filter(is_cancelled=False).prefetch_related(
        Prefetch("sessionspeaker_set", queryset=SessionSpeaker.objects.select_related("speaker"))
    )
    breakouts = (
        Item.objects.filter(edition=edition, kind=ItemKind.BREAKOUT)
        .select_related("day", "track")
        .prefetch_related(Prefetch("sessions", queryset=sessions))
        .order_by("day__date", "starts_at", "order", "id")
    )
    return AnnouncedProgramme(tracks=list(edition.tracks.all()), breakouts=list(breakouts))
