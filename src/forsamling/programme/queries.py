"""Reads of the programme shared by pages and exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.domain.programme import Programme, programme_from_snapshot
from forsamling.domain.programme_changes import Change, programme_changes
from forsamling.domain.programme_conflicts import Conflict, programme_conflicts
from forsamling.programme.models import (
    Item,
    ItemKind,
    ProgrammeVersion,
    Session,
    SessionSpeaker,
    Track,
)
from forsamling.programme.snapshot import build_snapshot


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


def published_versions(edition: Edition, now: datetime | None = None) -> QuerySet[ProgrammeVersion]:
    """The versions the public may see, newest first: those whose moment has come."""
    now = now or timezone.now()
    return (
        ProgrammeVersion.objects.filter(edition=edition)
        .filter(Q(publish_at__isnull=True) | Q(publish_at__lte=now))
        .order_by("-number")
    )


def current_version(edition: Edition, now: datetime | None = None) -> ProgrammeVersion | None:
    """The newest version the public may see, or None before the first one is out."""
    return published_versions(edition, now).first()


def version_summary(edition: Edition, now: datetime | None = None) -> ProgrammeVersion | None:
    """The current version without its (large) snapshot, for pages that only mention it."""
    return published_versions(edition, now).defer("snapshot").first()


@dataclass(frozen=True)
class VersionChanges:
    version: ProgrammeVersion
    changes: list[Change]


def version_history(edition: Edition, now: datetime | None = None) -> list[VersionChanges]:
    """Each published version with what changed since the one before it, newest first."""
    versions = list(reversed(published_versions(edition, now)))
    history = []
    previous: Programme | None = None
    for version in versions:
        current = programme_from_snapshot(version.snapshot)
        changes = programme_changes(previous, current) if previous is not None else []
        history.append(VersionChanges(version=version, changes=changes))
        previous = current
    return list(reversed(history))


def draft_conflicts(edition: Edition) -> list[Conflict]:
    """Warnings about the edition's draft programme, as it would be published now."""
    return programme_conflicts(programme_from_snapshot(build_snapshot(edition)))
