"""What changed between two published versions of a programme, in plain Danish.

Participants who have planned their day need to know what moved, not to re-read the whole
programme. Items and sessions are matched by their stable uids, so a renamed or moved item is
one change, not a removal plus an addition. A breakout that moves is reported once (its
sessions move with it); a session that changes to another breakout is reported on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from forsamling.domain.danish import format_time, format_weekday_date
from forsamling.domain.programme import Item, Programme, Session, Speaker

ADDED = "added"
REMOVED = "removed"
CANCELLED = "cancelled"
REINSTATED = "reinstated"
MOVED_TIME = "moved_time"
MOVED_ROOM = "moved_room"
SPEAKERS = "speakers"
TITLE = "title"


@dataclass(frozen=True)
class Change:
    kind: str
    uid: str
    text: str


def _when(day: date | None, start: time | None, *, with_day: bool) -> str:
    parts = []
    if with_day and day is not None:
        parts.append(format_weekday_date(day))
    if start is not None:
        parts.append(f"kl. {format_time(start)}")
    return " ".join(parts) or "uden fast tidspunkt"


def _names(speakers: list[Speaker]) -> str:
    names = [s.name for s in speakers]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def _moved_time(
    label: str, old: tuple[date | None, time | None], new: tuple[date | None, time | None]
) -> str:
    with_day = old[0] != new[0]
    return (
        f"{label} er flyttet fra {_when(*old, with_day=with_day)} "
        f"til {_when(*new, with_day=with_day)}"
    )


def _speaker_change(label: str, old: tuple[Speaker, ...], new: tuple[Speaker, ...]) -> str | None:
    old_keys = {s.key for s in old}
    new_keys = {s.key for s in new}
    joined = [s for s in new if s.key not in old_keys]
    left = [s for s in old if s.key not in new_keys]
    if not joined and not left:
        return None
    if joined:
        noun = "nye oplægsholdere" if len(joined) > 1 else "ny oplægsholder"
        text = f"{_names(joined)} er {noun} på {label}"
        return text + (f". {_names(left)} deltager ikke længere" if left else "")
    return f"{_names(left)} deltager ikke længere i {label}"


def _room_change(label: str, old: str | None, new: str | None) -> str | None:
    if old == new:
        return None
    if old and new:
        return f"{label} er flyttet fra {old} til {new}"
    if new:
        return f"{label} holdes i {new}"
    return f"{label} har ikke længere et fast lokale"


def _room_and_speaker_changes(old: Item | Session, new: Item | Session) -> list[Change]:
    """What items and sessions alike report last: a new room, speakers who joined or left."""
    changes: list[Change] = []
    room = _room_change(
        new.label, old.room.name if old.room else None, new.room.name if new.room else None
    )
    if room:
        changes.append(Change(MOVED_ROOM, new.uid, room))
    speakers = _speaker_change(new.label, old.speakers, new.speakers)
    if speakers:
        changes.append(Change(SPEAKERS, new.uid, speakers))
    return changes


def _item_changes(old: Item, new: Item) -> list[Change]:
    changes: list[Change] = []
    uid = new.uid
    if old.title != new.title:
        changes.append(Change(TITLE, uid, f"{old.label} har fået ny titel: {new.title}"))
    label = new.label
    if (old.day, old.start) != (new.day, new.start):
        changes.append(
            Change(MOVED_TIME, uid, _moved_time(label, (old.day, old.start), (new.day, new.start)))
        )
    elif old.end != new.end and new.end is not None:
        was = f" i stedet for kl. {format_time(old.end)}" if old.end else ""
        changes.append(
            Change(MOVED_TIME, uid, f"{label} slutter nu kl. {format_time(new.end)}{was}")
        )
    return changes + _room_and_speaker_changes(old, new)


def _session_changes(old: Session, old_slot: Item, new: Session, new_slot: Item) -> list[Change]:
    changes: list[Change] = []
    uid = new.uid
    if old.cancelled != new.cancelled:
        if new.cancelled:
            return [Change(CANCELLED, uid, f"{new.label} er aflyst")]
        changes.append(Change(REINSTATED, uid, f"{new.label} er ikke længere aflyst"))
    if old.title != new.title or old.number != new.number:
        changes.append(Change(TITLE, uid, f"{old.label} hedder nu {new.label}"))
    label = new.label
    if old_slot.uid != new_slot.uid and (old_slot.day, old_slot.start) != (
        new_slot.day,
        new_slot.start,
    ):
        changes.append(
            Change(
                MOVED_TIME,
                uid,
                _moved_time(label, (old_slot.day, old_slot.start), (new_slot.day, new_slot.start)),
            )
        )
    return changes + _room_and_speaker_changes(old, new)


def _added_item(item: Item) -> str:
    return f"{item.label} er kommet på programmet {_when(item.day, item.start, with_day=True)}"


def programme_changes(old: Programme, new: Programme) -> list[Change]:
    """The changes from `old` to `new`, in the new programme's order; removals last."""
    changes: list[Change] = []
    old_items = {item.uid: (item, parent) for item, parent in old.items()}
    new_items = {item.uid: item for item, _parent in new.items()}
    old_sessions = {s.uid: (s, slot) for s, slot in old.sessions()}
    new_sessions = {s.uid for s, _slot in new.sessions()}
    for item, parent in new.items():
        is_new = item.uid not in old_items
        if is_new:
            # A new block or breakout brings its new talks and sessions: one change says it all.
            if parent is None or parent.uid in old_items:
                changes.append(Change(ADDED, item.uid, _added_item(item)))
        else:
            changes.extend(_item_changes(old_items[item.uid][0], item))
        for session in item.sessions:
            if session.uid not in old_sessions:
                if not session.cancelled and not is_new:
                    when = _when(item.day, item.start, with_day=True)
                    text = f"{session.label} er kommet på programmet {when}"
                    changes.append(Change(ADDED, session.uid, text))
                continue
            old_session, old_slot = old_sessions[session.uid]
            changes.extend(_session_changes(old_session, old_slot, session, item))
    for item, parent in old.items():
        if item.uid not in new_items and (parent is None or parent.uid in new_items):
            changes.append(Change(REMOVED, item.uid, f"{item.label} er taget af programmet"))
    for session, slot in old.sessions():
        gone = session.uid not in new_sessions and slot.uid in new_items
        if gone and not session.cancelled:
            changes.append(Change(REMOVED, session.uid, f"{session.label} er taget af programmet"))
    return changes
