"""The programme in the schedule JSON format (frab / pretalx `schedule.json`, voc/schedule)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime, time
from typing import Any

from forsamling.conferences.models import Edition
from forsamling.domain.danish import COPENHAGEN
from forsamling.domain.programme import Programme
from forsamling.outputs.schedule import (
    TIME_ZONE,
    ScheduleEvent,
    acronym,
    event_slug,
    hhmm,
    person_guid,
)

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
ROOM_NAMESPACE = uuid.UUID("0e6b3f52-3f0f-4c36-8b7e-8a2f0c6f4b21")


def _event(event: ScheduleEvent, *, conference: str, base_url: str) -> dict[str, Any]:
    return {
        "id": event.number,
        "guid": event.uid,
        "date": event.starts_at.isoformat(),
        "start": event.starts_at.strftime("%H:%M"),
        "duration": hhmm(event.duration),
        "room": event.room,
        "slug": event_slug(conference, event),
        "url": base_url + event.path,
        "title": event.title,
        "subtitle": event.subtitle,
        "track": event.track,
        "type": event.kind,
        "language": "da",
        "abstract": event.abstract,
        "description": "",
        "persons": [
            {"name": p.name, "guid": person_guid(p), "biography": p.role} for p in event.persons
        ],
        "links": [],
    }


def schedule_json(
    edition: Edition,
    programme: Programme,
    events: list[ScheduleEvent],
    *,
    version: int,
    base_url: str,
    programme_url: str,
) -> dict[str, Any]:
    """The whole schedule document; `base_url` is the site's address without a trailing /."""
    conference = acronym(edition.slug)
    by_day: dict[Any, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    rooms: list[str] = []
    for event in events:
        if event.room not in rooms:
            rooms.append(event.room)
        by_day[event.day][event.room].append(
            _event(event, conference=conference, base_url=base_url)
        )
    days = []
    for index, day in enumerate(programme.days, start=1):
        day_events = [e for e in events if e.day == day.date]
        start = min((e.starts_at for e in day_events), default=None)
        end = max((e.ends_at for e in day_events), default=None)
        days.append(
            {
                "index": index,
                "date": day.date.isoformat(),
                "day_start": (start or datetime.combine(day.date, time(0), COPENHAGEN)).isoformat(),
                "day_end": (
                    end or datetime.combine(day.date, time(23, 59), COPENHAGEN)
                ).isoformat(),
                "rooms": dict(by_day.get(day.date, {})),
            }
        )
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": "forsamling", "version": "1"},
        "schedule": {
            "version": str(version),
            "base_url": base_url + "/",
            "conference": {
                "acronym": conference,
                "title": edition.title,
                "start": edition.start_date.isoformat(),
                "end": edition.end_date.isoformat(),
                "daysCount": len(days),
                "timeslot_duration": "00:05",
                "time_zone_name": TIME_ZONE,
                "url": base_url + programme_url,
                "tracks": [{"name": t.name} for t in programme.tracks],
                "rooms": [
                    {"name": name, "guid": str(uuid.uuid5(ROOM_NAMESPACE, f"{edition.pk}:{name}"))}
                    for name in rooms
                ],
                "days": days,
            },
        },
    }
