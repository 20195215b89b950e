"""Freeze the draft programme of an edition into plain JSON.

The shape (read back by `forsamling.domain.programme.programme_from_snapshot`):

    {"format": 1,
     "edition": {"slug", "title", "start_date", "end_date", "venue", "city"},
     "moderator": "<speaker id>" | null,
     "speakers": {"<id>": {"name", "title", "organisation", "bio"}},
     "rooms": {"<id>": {"name", "capacity"}},
     "tracks": [{"key", "name", "description"}],
     "days": [{"date", "title", "moderator", "items": [item, ...]}]}

    item: {"uid", "kind", "start": "HH:MM" | null, "end", "title", "description", "note",
           "track": key | null, "room": id | null, "speakers": [id, ...], "speakers_suffix",
           "speaker_tba", "children": [item, ...], "sessions": [session, ...]}
    session: {"uid", "kind", "number", "title", "subtitle", "description", "audience",
              "room", "capacity", "meet_label", "speakers": [id, ...], "cancelled"}

Items without a day are not part of the published programme. Seven queries, however large
the programme is.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import time
from typing import Any

from forsamling.conferences.models import Edition
from forsamling.domain.programme import SNAPSHOT_FORMAT
from forsamling.programme.models import (
    EditionModerator,
    Item,
    ItemSpeaker,
    Session,
    SessionKind,
    SessionSpeaker,
    Speaker,
)


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _key(pk: int | None) -> str | None:
    return str(pk) if pk is not None else None


def build_snapshot(edition: Edition) -> dict[str, Any]:
    """The edition's draft programme as JSON-ready data, keyed by the stable uids."""
    items = list(
        Item.objects.filter(edition=edition, day__isnull=False)
        .select_related("track")
        .order_by("starts_at", "order", "id")
    )
    item_speakers: dict[int, list[str]] = defaultdict(list)
    for link in ItemSpeaker.objects.filter(item__edition=edition).order_by("order", "id"):
        item_speakers[link.item_id].append(str(link.speaker_id))
    sessions_by_slot: dict[int, list[Session]] = defaultdict(list)
    sessions = Session.objects.filter(slot__edition=edition).exclude(kind=SessionKind.DINNER)
    for session in sessions.order_by("order", "number", "id"):
        sessions_by_slot[session.slot_id].append(session)
    session_speakers: dict[int, list[str]] = defaultdict(list)
    for slink in SessionSpeaker.objects.filter(session__slot__edition=edition).order_by(
        "order", "id"
    ):
        session_speakers[slink.session_id].append(str(slink.speaker_id))
    moderator = EditionModerator.objects.filter(edition=edition).first()
    days = list(edition.programme_days.order_by("date"))

    speaker_ids = {int(k) for keys in item_speakers.values() for k in keys}
    speaker_ids |= {int(k) for keys in session_speakers.values() for k in keys}
    speaker_ids |= {d.moderator_id for d in days if d.moderator_id}
    if moderator:
        speaker_ids.add(moderator.speaker_id)
    speakers = {
        str(s.pk): {
            "name": s.name,
            "title": s.title,
            "organisation": s.organisation,
            "bio": s.bio,
        }
        for s in Speaker.objects.filter(pk__in=speaker_ids)
    }
    rooms = {str(r.pk): {"name": r.name, "capacity": r.capacity} for r in edition.rooms.all()}

    children: dict[int | None, list[Item]] = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)

    def session_data(session: Session) -> dict[str, Any]:
        return {
            "uid": str(session.uid),
            "kind": session.kind,
            "number": session.number,
            "title": session.title,
            "subtitle": session.subtitle,
            "description": session.description,
            "audience": session.audience,
            "room": _key(session.room_id),
            "capacity": session.capacity,
            "meet_label": session.meet_label,
            "speakers": session_speakers.get(session.pk, []),
            "cancelled": session.is_cancelled,
        }

    def item_data(item: Item) -> dict[str, Any]:
        return {
            "uid": str(item.uid),
            "kind": item.kind,
            "start": _hhmm(item.starts_at),
            "end": _hhmm(item.ends_at),
            "title": item.title,
            "description": item.description,
            "note": item.note,
            "track": item.track.key if item.track else None,
            "room": _key(item.room_id),
            "speakers": item_speakers.get(item.pk, []),
            "speakers_suffix": item.speakers_suffix,
            "speaker_tba": item.speaker_tba,
            "children": [item_data(child) for child in children.get(item.pk, [])],
            "sessions": [session_data(s) for s in sessions_by_slot.get(item.pk, [])],
        }

    return {
        "format": SNAPSHOT_FORMAT,
        "edition": {
            "slug": edition.slug,
            "title": edition.title,
            "start_date": edition.start_date.isoformat(),
            "end_date": edition.end_date.isoformat(),
            "venue": edition.venue,
            "city": edition.city,
        },
        "moderator": str(moderator.speaker_id) if moderator else None,
        "speakers": speakers,
        "rooms": rooms,
        "tracks": [
            {"key": t.key, "name": t.name, "description": t.description}
            for t in edition.tracks.all()
        ],
        "days": [
            {
                "date": day.date.isoformat(),
                "title": day.title,
                "moderator": _key(day.moderator_id),
                "items": [
                    item_data(item) for item in children.get(None, []) if item.day_id == day.pk
                ],
            }
            for day in days
        ],
    }
