"""A published programme as plain values, read from a version's JSON snapshot.

The snapshot is what `publish_programme` freezes; this module turns it into frozen dataclasses
that the public pages, the change list, the conflict checks and the exports all read. Items
and sessions are keyed by their stable uids, speakers and rooms by the draft's ids (as text).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

SNAPSHOT_FORMAT = 1
SESSION_KIND_LABELS = {
    "temamoede": "Temamøde",
    "masterclass": "Masterclass",
    "session": "Session",
    "assembly_house": "Politisk forsamlingshus",
    "non_politician_breakout": "Break out for ikke-kommunalpolitikere",
}


@dataclass(frozen=True)
class Speaker:
    key: str
    name: str
    title: str = ""
    organisation: str = ""
    bio: str = ""

    @property
    def byline(self) -> str:
        """'Leif Vestergaard, formand, KL': the way the printed programme names a speaker."""
        return ", ".join(part for part in (self.name, self.title, self.organisation) if part)

    @property
    def role(self) -> str:
        return ", ".join(part for part in (self.title, self.organisation) if part)


@dataclass(frozen=True)
class Room:
    key: str
    name: str
    capacity: int | None = None


@dataclass(frozen=True)
class Track:
    key: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Session:
    uid: str
    kind: str
    title: str
    number: int | None = None
    subtitle: str = ""
    description: str = ""
    audience: str = "everyone"
    room: Room | None = None
    capacity: int | None = None
    meet_label: str = ""
    speakers: tuple[Speaker, ...] = ()
    cancelled: bool = False

    @property
    def label(self) -> str:
        """'Temamøde 3: Små, faste teams i ældreplejen – hvordan?'."""
        if self.kind == "temamoede" and self.number:
            return f"Temamøde {self.number}: {self.title}"
        if self.kind == "session" and self.number:
            return f"{self.number}. {self.title}"
        return self.title


@dataclass(frozen=True)
class Item:
    uid: str
    kind: str
    title: str
    day: date | None = None
    start: time | None = None
    end: time | None = None
    description: str = ""
    note: str = ""
    track: Track | None = None
    room: Room | None = None
    speakers: tuple[Speaker, ...] = ()
    speakers_suffix: str = ""
    speaker_tba: bool = False
    children: tuple[Item, ...] = ()
    sessions: tuple[Session, ...] = ()

    @property
    def label(self) -> str:
        return self.title

    @property
    def description_paragraphs(self) -> list[str]:
        return [p.strip() for p in self.description.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class Day:
    date: date
    title: str = ""
    moderator: Speaker | None = None
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Programme:
    title: str = ""
    start_date: date | None = None
    end_date: date | None = None
    moderator: Speaker | None = None
    days: tuple[Day, ...] = ()
    tracks: tuple[Track, ...] = ()
    speakers: dict[str, Speaker] = field(default_factory=dict)
    rooms: dict[str, Room] = field(default_factory=dict)

    def items(self) -> Iterator[tuple[Item, Item | None]]:
        """Every item with its parent (None at the top level), in programme order."""
        for day in self.days:
            for item in day.items:
                yield item, None
                for child in item.children:
                    yield child, item

    def sessions(self) -> Iterator[tuple[Session, Item]]:
        """Every session with its breakout slot, in programme order."""
        for item, _parent in self.items():
            for session in item.sessions:
                yield session, item

    def find_session(self, uid: str) -> tuple[Session, Item] | None:
        return next(((s, slot) for s, slot in self.sessions() if s.uid == uid), None)

    def appearances(self, speaker_key: str) -> list[Appearance]:
        """Where a speaker appears, in programme order."""
        found: list[Appearance] = []
        for item, parent in self.items():
            if any(s.key == speaker_key for s in item.speakers):
                found.append(Appearance(item=item, parent=parent))
            found.extend(
                Appearance(item=item, session=session)
                for session in item.sessions
                if any(p.key == speaker_key for p in session.speakers)
            )
        return found


@dataclass(frozen=True)
class Appearance:
    """An item a speaker gives (with its theme block), or a session (with its breakout)."""

    item: Item
    parent: Item | None = None
    session: Session | None = None


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def programme_from_snapshot(data: dict[str, Any]) -> Programme:
    """The Programme a snapshot describes (see `forsamling.programme.snapshot` for the shape)."""
    speakers = {
        key: Speaker(
            key=key,
            name=s["name"],
            title=s.get("title", ""),
            organisation=s.get("organisation", ""),
            bio=s.get("bio", ""),
        )
        for key, s in (data.get("speakers") or {}).items()
    }
    rooms = {
        key: Room(key=key, name=r["name"], capacity=r.get("capacity"))
        for key, r in (data.get("rooms") or {}).items()
    }
    tracks = tuple(
        Track(key=t["key"], name=t["name"], description=t.get("description", ""))
        for t in data.get("tracks") or []
    )
    tracks_by_key = {t.key: t for t in tracks}

    def people(keys: list[str]) -> tuple[Speaker, ...]:
        return tuple(speakers[str(k)] for k in keys if str(k) in speakers)

    def session(s: dict[str, Any]) -> Session:
        return Session(
            uid=s["uid"],
            kind=s["kind"],
            title=s["title"],
            number=s.get("number"),
            subtitle=s.get("subtitle", ""),
            description=s.get("description", ""),
            audience=s.get("audience", "everyone"),
            room=rooms.get(str(s.get("room"))),
            capacity=s.get("capacity"),
            meet_label=s.get("meet_label", ""),
            speakers=people(s.get("speakers") or []),
            cancelled=bool(s.get("cancelled")),
        )

    def item(i: dict[str, Any], day: date) -> Item:
        return Item(
            uid=i["uid"],
            kind=i["kind"],
            title=i["title"],
            day=day,
            start=_time(i.get("start")),
            end=_time(i.get("end")),
            description=i.get("description", ""),
            note=i.get("note", ""),
            track=tracks_by_key.get(i.get("track") or ""),
            room=rooms.get(str(i.get("room"))),
            speakers=people(i.get("speakers") or []),
            speakers_suffix=i.get("speakers_suffix", ""),
            speaker_tba=bool(i.get("speaker_tba")),
            children=tuple(item(c, day) for c in i.get("children") or []),
            sessions=tuple(session(s) for s in i.get("sessions") or []),
        )

    days = []
    for d in data.get("days") or []:
        day_date = date.fromisoformat(d["date"])
        days.append(
            Day(
                date=day_date,
                title=d.get("title", ""),
                moderator=speakers.get(str(d.get("moderator"))),
                items=tuple(item(i, day_date) for i in d.get("items") or []),
            )
        )
    edition = data.get("edition") or {}
    return Programme(
        title=edition.get("title", ""),
        start_date=date.fromisoformat(edition["start_date"]) if edition.get("start_date") else None,
        end_date=date.fromisoformat(edition["end_date"]) if edition.get("end_date") else None,
        moderator=speakers.get(str(data.get("moderator"))),
        days=tuple(days),
        tracks=tracks,
        speakers=speakers,
        rooms=rooms,
    )
