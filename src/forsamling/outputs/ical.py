"""The programme as iCalendar: the whole programme, or one item or session to add to a calendar.

UIDs come from the items' and sessions' stable uids, so a calendar that imports a later
version updates the events instead of duplicating them.
"""

from __future__ import annotations

from datetime import datetime

from icalendar import Calendar, Event

from forsamling.outputs.schedule import TIME_ZONE, ScheduleEvent

UID_DOMAIN = "forsamling.kl.dk"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//KL//Forsamling//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    return calendar


def _event(event: ScheduleEvent, *, place: str, base_url: str, stamp: datetime) -> Event:
    entry = Event()
    entry.add("uid", f"{event.uid}@{UID_DOMAIN}")
    entry.add("dtstamp", stamp)
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    lines = [event.subtitle] if event.subtitle else []
    lines += [p.byline for p in event.persons]
    if event.abstract:
        lines.append(event.abstract)
    if lines:
        entry.add("description", "\n\n".join(lines))
    entry.add("location", ", ".join(part for part in (event.room, place) if part))
    entry.add("url", base_url + event.path)
    return entry


def programme_calendar(
    name: str, events: list[ScheduleEvent], *, place: str, base_url: str, stamp: datetime
) -> bytes:
    """A calendar of the given events (all of them, or just one), with Copenhagen's VTIMEZONE."""
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_event(event, place=place, base_url=base_url, stamp=stamp))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
