"""A participant's own programme, "Mit program": their days from the published programme, with
rooms and speakers, and the state the phone compares to mark what changed since it last saw it.

The same reading feeds the page, the offline copy (`state`), and the calendar feed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from forsamling.domain.programme import Item, Programme, Room, Speaker, programme_from_snapshot
from forsamling.programme.models import ItemKind, ProgrammeVersion
from forsamling.programme.models import Room as RoomRow
from forsamling.programme.queries import current_version
from forsamling.registration.models import Registration
from forsamling.registration.queries import ProgrammeLine, personal_programme


@dataclass(frozen=True)
class Entry:
    """One line of a day: an item for everyone, or the session the participant chose."""

    uid: str
    kind: str
    day: date
    start: time | None
    end: time | None
    title: str
    room: Room | None = None
    speakers: tuple[Speaker, ...] = ()
    cancelled: bool = False
    line: ProgrammeLine | None = None  # the participant's choice, for a session
    talks: tuple[Entry, ...] = ()  # a theme block's talks

    @property
    def is_break(self) -> bool:
        return self.kind in {ItemKind.BREAK, ItemKind.LUNCH, ItemKind.WALKING_BREAK}

    @property
    def has_seat(self) -> bool:
        return self.line is None or self.line.is_confirmed


@dataclass(frozen=True)
class MyDay:
    date: date
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class MyProgramme:
    version: ProgrammeVersion | None
    days: tuple[MyDay, ...] = ()
    unplaced: tuple[ProgrammeLine, ...] = ()  # chosen, but not in the published programme
    rooms_on_plan: dict[str, tuple[float, float]] = field(default_factory=dict)

    def entries(self) -> list[Entry]:
        return [entry for day in self.days for entry in day.entries]

    def rooms(self) -> list[Room]:
        """The rooms the participant goes to, in the order they first go there."""
        seen: dict[str, Room] = {}
        for entry in self.entries():
            if entry.room is not None and not entry.cancelled:
                seen.setdefault(entry.room.key, entry.room)
        return list(seen.values())

    def plan_markers(self) -> list[PlanMarker]:
        """The participant's rooms that are marked on the venue plan, numbered for its key."""
        marked = [room for room in self.rooms() if room.key in self.rooms_on_plan]
        return [
            PlanMarker(number, room, *self.rooms_on_plan[room.key])
            for number, room in enumerate(marked, start=1)
        ]


@dataclass(frozen=True)
class PlanMarker:
    number: int
    room: Room
    x: float
    y: float


def my_programme(registration: Registration) -> MyProgramme:
    """The participant's days from the newest published version (none before the first)."""
    lines = personal_programme(registration)
    version = current_version(registration.edition)
    if version is None:
        return MyProgramme(version=None, unplaced=tuple(lines))
    programme = programme_from_snapshot(version.snapshot)
    chosen = {str(line.choice.session.uid): line for line in lines}
    placed: set[str] = set()
    days = []
    for day in programme.days:
        entries: list[Entry] = []
        for item in day.items:
            if not _concerns(registration, item):
                continue
            if item.kind != ItemKind.BREAKOUT:
                entries.append(_entry(item, day.date))
                continue
            for session in item.sessions:
                if session.uid in chosen:
                    placed.add(session.uid)
                    entries.append(
                        Entry(
                            uid=session.uid,
                            kind="session",
                            day=day.date,
                            start=item.start,
                            end=item.end,
                            title=session.label,
                            room=session.room or item.room,  # the session's, else the breakout's
                            speakers=session.speakers,
                            cancelled=session.cancelled,
                            line=chosen[session.uid],
                        )
                    )
        days.append(MyDay(day.date, day.title, tuple(entries)))
    return MyProgramme(
        version=version,
        days=tuple(days),
        unplaced=tuple(line for uid, line in chosen.items() if uid not in placed),
        rooms_on_plan=_rooms_on_plan(registration, programme),
    )


def _concerns(registration: Registration, item: Item) -> bool:
    track = registration.track
    if track is not None and item.track is not None and item.track.key != track.key:
        return False  # the other half of the hall
    return item.kind != ItemKind.EVENING_EVENT or registration.dinner  # dinner if booked


def _entry(item: Item, day: date) -> Entry:
    return Entry(
        uid=item.uid,
        kind=item.kind,
        day=day,
        start=item.start,
        end=item.end,
        title=item.title,
        room=item.room,
        speakers=item.speakers,
        talks=tuple(_entry(child, day) for child in item.children),
    )


def _rooms_on_plan(
    registration: Registration, programme: Programme
) -> dict[str, tuple[float, float]]:
    """Where the programme's rooms are on the venue plan, if the edition has one."""
    if not hasattr(registration.edition, "venue_plan"):
        return {}
    rows = RoomRow.objects.filter(
        edition=registration.edition,
        pk__in=[int(key) for key in programme.rooms if key.isdigit()],
        plan_x__isnull=False,
        plan_y__isnull=False,
    ).values_list("pk", "plan_x", "plan_y")
    return {str(pk): (float(x or 0), float(y or 0)) for pk, x, y in rows}


def state(programme: MyProgramme) -> dict[str, Any]:
    """What the phone keeps and compares: per line, the day, time, room, title and whether it
    is cancelled; `version` changes exactly when one of them does."""
    items = {
        entry.uid: {
            "day": entry.day.isoformat(),
            "start": entry.start.strftime("%H:%M") if entry.start else None,
            "end": entry.end.strftime("%H:%M") if entry.end else None,
            "room": entry.room.name if entry.room else "",
            "title": entry.title,
            "cancelled": entry.cancelled,
        }
        for entry in programme.entries()
    }
    body = json.dumps(items, sort_keys=True, ensure_ascii=False)
    return {
        "version": hashlib.sha256(body.encode()).hexdigest()[:16],
        "programme": programme.version.number if programme.version else None,
        "items": items,
    }
