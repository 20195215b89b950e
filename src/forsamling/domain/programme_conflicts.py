"""Warnings about a draft programme that organisers should look at before publishing.

Plain functions over the programme's values (`forsamling.domain.programme`): a speaker or a
room in two places at once, more seats in a session than in its room, an item on a day the
conference does not run or a talk outside its theme block, and items for the same participants
at the same time. They are warnings, not errors: the organisers may know better.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import combinations

from forsamling.domain.danish import format_time, format_time_range, format_weekday_date
from forsamling.domain.programme import Item, Programme, Session

SPEAKER_TWICE = "speaker_twice"
ROOM_TWICE = "room_twice"
OVER_CAPACITY = "over_capacity"
OUTSIDE_EDITION = "outside_edition"
OUTSIDE_PARENT = "outside_parent"
ENDS_BEFORE_START = "ends_before_start"
OVERLAP = "overlap"


@dataclass(frozen=True)
class Conflict:
    kind: str
    text: str
    uids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Slot:
    """Something that takes place: an item, or a session in its breakout's time."""

    uid: str
    label: str
    day: date | None
    start: time | None
    end: time | None
    ancestors: frozenset[str] = frozenset()

    def interval(self) -> tuple[datetime, datetime] | None:
        if self.day is None or self.start is None:
            return None
        begin = datetime.combine(self.day, self.start)
        finish = datetime.combine(self.day, self.end) if self.end else begin
        # A moment without an end still occupies its minute, so two at the same time clash.
        return begin, max(finish, begin + timedelta(minutes=1))

    def overlaps(self, other: Slot) -> bool:
        if self.uid in other.ancestors or other.uid in self.ancestors:
            return False
        mine, theirs = self.interval(), other.interval()
        if mine is None or theirs is None:
            return False
        return mine[0] < theirs[1] and theirs[0] < mine[1]

    @property
    def when(self) -> str:
        day = format_weekday_date(self.day) if self.day else ""
        return f"{day} kl. {format_time_range(self.start, self.end)}" if self.start else day

    def overlap_with(self, other: Slot) -> str:
        """When the two are on at once (they overlap): the shared part, not either's own time."""
        if self.day is None or self.start is None or other.start is None:
            return self.when
        start = max(self.start, other.start)
        ends = [end for end in (self.end, other.end) if end is not None]
        end = min(ends) if len(ends) == 2 else None
        return f"{format_weekday_date(self.day)} kl. {format_time_range(start, end)}"


def _item_slot(item: Item, parent: Item | None) -> Slot:
    ancestors = frozenset({parent.uid}) if parent else frozenset()
    return Slot(item.uid, item.label, item.day, item.start, item.end, ancestors)


def _session_slot(session: Session, slot: Item) -> Slot:
    return Slot(session.uid, session.label, slot.day, slot.start, slot.end, frozenset({slot.uid}))


def _pairs_at_once(slots: list[Slot]) -> list[tuple[Slot, Slot]]:
    return [(a, b) for a, b in combinations(slots, 2) if a.overlaps(b)]


def _in_two_places(
    kind: str, slots_by_key: dict[str, list[Slot]], names: Mapping[str, str], doing: str
) -> list[Conflict]:
    """A conflict for each two of a speaker's (a room's) slots that are on at once: "{name}
    {doing} {one} og {the other} ({when})"."""
    return [
        Conflict(
            kind,
            f"{names.get(key, key)} {doing} {a.label} og {b.label} ({a.overlap_with(b)})",
            (a.uid, b.uid),
        )
        for key, slots in slots_by_key.items()
        for a, b in _pairs_at_once(slots)
    ]


def speakers_in_two_places(programme: Programme) -> list[Conflict]:
    by_speaker: dict[str, list[Slot]] = {}
    for item, parent in programme.items():
        for speaker in item.speakers:
            by_speaker.setdefault(speaker.key, []).append(_item_slot(item, parent))
    for session, slot in programme.sessions():
        if not session.cancelled:
            for speaker in session.speakers:
                by_speaker.setdefault(speaker.key, []).append(_session_slot(session, slot))
    names = {key: speaker.name for key, speaker in programme.speakers.items()}
    return _in_two_places(SPEAKER_TWICE, by_speaker, names, "er både på")


def rooms_used_twice(programme: Programme) -> list[Conflict]:
    by_room: dict[str, list[Slot]] = {}
    for item, parent in programme.items():
        if item.room is not None:
            by_room.setdefault(item.room.key, []).append(_item_slot(item, parent))
    for session, slot in programme.sessions():
        if session.room is not None and not session.cancelled:
            by_room.setdefault(session.room.key, []).append(_session_slot(session, slot))
    names = {key: room.name for key, room in programme.rooms.items()}
    return _in_two_places(ROOM_TWICE, by_room, names, "bruges både til")


def sessions_over_room_capacity(programme: Programme) -> list[Conflict]:
    conflicts = []
    for session, _slot in programme.sessions():
        room = session.room
        if room is None or room.capacity is None or session.capacity is None:
            continue
        if session.capacity > room.capacity:
            text = (
                f"{session.label} har {session.capacity} pladser, "
                f"men {room.name} har kun {room.capacity}"
            )
            conflicts.append(Conflict(OVER_CAPACITY, text, (session.uid,)))
    return conflicts


def items_outside_their_time(programme: Programme) -> list[Conflict]:
    """Items on a day outside the conference, ending before they start, or outside their block."""
    conflicts = []
    start, end = programme.start_date, programme.end_date
    for item, parent in programme.items():
        if item.day and start and end and not start <= item.day <= end and parent is None:
            text = (
                f"{item.label} ligger {format_weekday_date(item.day)}, uden for konferencens dage"
            )
            conflicts.append(Conflict(OUTSIDE_EDITION, text, (item.uid,)))
        if item.start and item.end and item.end < item.start:
            text = (
                f"{item.label} slutter kl. {format_time(item.end)}, "
                f"før det begynder kl. {format_time(item.start)}"
            )
            conflicts.append(Conflict(ENDS_BEFORE_START, text, (item.uid,)))
        if parent is None or item.start is None or parent.start is None:
            continue
        too_early = item.start < parent.start
        too_late = bool(parent.end and (item.end or item.start) > parent.end)
        if too_early or too_late or item.day != parent.day:
            text = (
                f"{item.label} ({format_time_range(item.start, item.end)}) ligger uden for "
                f"{parent.label} ({format_time_range(parent.start, parent.end)})"
            )
            conflicts.append(Conflict(OUTSIDE_PARENT, text, (item.uid, parent.uid)))
    return conflicts


def overlapping_items(programme: Programme) -> list[Conflict]:
    """Top-level items for the same participants at the same time (a breakout is one choice)."""
    conflicts = []
    for day in programme.days:
        for a, b in combinations(day.items, 2):
            if a.track is not None and b.track is not None and a.track != b.track:
                continue
            if _item_slot(a, None).overlaps(_item_slot(b, None)):
                when = _item_slot(a, None).overlap_with(_item_slot(b, None))
                text = f"{a.label} og {b.label} ligger oven i hinanden ({when})"
                conflicts.append(Conflict(OVERLAP, text, (a.uid, b.uid)))
    return conflicts


def programme_conflicts(programme: Programme) -> list[Conflict]:
    """Every warning about the programme, grouped by kind."""
    return [
        *items_outside_their_time(programme),
        *overlapping_items(programme),
        *speakers_in_two_places(programme),
        *rooms_used_twice(programme),
        *sessions_over_room_capacity(programme),
    ]
