"""The published programme as a flat list of timed events, which every export format reads.

A theme block's talks are events of their own (the block itself only when it has no talks);
each session of a breakout is an event in its breakout's time. Items without a time cannot
be put in a calendar and are left out. Times are Copenhagen time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils.text import slugify

from forsamling.domain.danish import COPENHAGEN
from forsamling.domain.programme import SESSION_KIND_LABELS, Item, Programme, Session, Speaker

PLENARY_ROOM = "Plenum"
TIME_ZONE = "Europe/Copenhagen"
# Person guids are derived from the speaker's id, so they stay the same across versions.
PERSON_NAMESPACE = uuid.UUID("5b0c7d86-6a5e-4c7e-9f0a-2f6f0d3c9a11")


@dataclass(frozen=True)
class ScheduleEvent:
    uid: str
    title: str
    subtitle: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    room: str
    track: str | None
    persons: tuple[Speaker, ...]
    abstract: str
    path: str

    @property
    def day(self) -> date:
        return self.starts_at.date()

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at

    @property
    def number(self) -> int:
        """A positive integer id derived from the uid, for formats that want one."""
        return uuid.UUID(self.uid).int % (2**31 - 1) + 1


def person_guid(speaker: Speaker) -> str:
    return str(uuid.uuid5(PERSON_NAMESPACE, speaker.key))


def _moment(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=COPENHAGEN)


def _event(
    item: Item,
    *,
    title: str,
    subtitle: str,
    kind: str,
    room: str,
    track: str | None,
    persons: tuple[Speaker, ...],
    abstract: str,
    uid: str,
    path: str,
) -> ScheduleEvent | None:
    if item.day is None or item.start is None:
        return None
    starts_at = _moment(item.day, item.start)
    ends_at = _moment(item.day, item.end) if item.end else starts_at
    return ScheduleEvent(
        uid=uid,
        title=title,
        subtitle=subtitle,
        kind=kind,
        starts_at=starts_at,
        ends_at=max(ends_at, starts_at),
        room=room,
        track=track,
        persons=persons,
        abstract=abstract,
        path=path,
    )


def _session_event(session: Session, slot: Item, path: str) -> ScheduleEvent | None:
    room = session.room.name if session.room else session_room_name(session)
    return _event(
        slot,
        title=session.label,
        subtitle=session.subtitle,
        kind=session.kind,
        room=room,
        track=slot.track.name if slot.track else None,
        persons=session.speakers,
        abstract=session.description,
        uid=session.uid,
        path=path,
    )


def session_room_name(session: Session) -> str:
    """Without a room, a session is its own 'room' so parallel sessions do not collide."""
    if session.kind == "temamoede" and session.number:
        return f"Temamøde {session.number}"
    return session.title or SESSION_KIND_LABELS.get(session.kind, session.kind)


def schedule_events(
    programme: Programme, *, item_path: Callable[[str], str], session_path: Callable[[str], str]
) -> list[ScheduleEvent]:
    """The timed events of a programme; `item_path` and `session_path` give a uid's page."""
    events: list[ScheduleEvent | None] = []
    for day in programme.days:
        for item in day.items:
            parts = item.children or ((item,) if not item.sessions else ())
            for part in parts:
                place, strand = part.room or item.room, part.track or item.track
                room = place.name if place else PLENARY_ROOM
                track = strand.name if strand else None
                subtitle = item.title if part is not item else ""
                events.append(
                    _event(
                        part,
                        title=part.title,
                        subtitle=subtitle,
                        kind=part.kind,
                        room=room,
                        track=track,
                        persons=part.speakers,
                        abstract=part.description,
                        uid=part.uid,
                        path=item_path(part.uid),
                    )
                )
            events.extend(
                _session_event(session, item, session_path(session.uid))
                for session in item.sessions
                if not session.cancelled
            )
    return sorted((e for e in events if e is not None), key=lambda e: (e.starts_at, e.room))


def event_slug(acronym: str, event: ScheduleEvent) -> str:
    title = slugify(event.title)[:50].strip("-") or "punkt"
    return f"{acronym}-{event.number}-{title}"


def acronym(edition_slug: str) -> str:
    """The format's conference acronym: lowercase letters, digits and underscores."""
    return "klforum_" + "".join(c for c in edition_slug.lower() if c.isalnum() or c == "_")


def hhmm(duration: timedelta) -> str:
    minutes = int(duration.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
