"""The participant's personal programme as an iCalendar file for the confirmation e-mail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from forsamling.registration.models import Registration
from forsamling.registration.queries import ProgrammeLine, slot_time_range


def personal_calendar(registration: Registration, lines: list[ProgrammeLine]) -> bytes:
    """One all-day event for the conference and one event per session with a seat."""
    edition = registration.edition
    calendar = Calendar()
    calendar.add("prodid", "-//KL//Forsamling//DA")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    stamp = timezone.now()

    conference = Event()
    conference.add("uid", f"edition-{edition.pk}-registration-{registration.pk}@forsamling")
    conference.add("dtstamp", stamp)
    conference.add("summary", edition.title)
    conference.add("dtstart", edition.start_date)
    conference.add("dtend", edition.end_date + timedelta(days=1))
    if edition.place:
        conference.add("location", edition.place)
    calendar.add_component(conference)

    for line in lines:
        time_range = slot_time_range(line.choice.slot)
        if not line.is_confirmed or time_range is None:
            continue
        event = Event()
        event.add("uid", f"{line.choice.session.uid}-{registration.pk}@forsamling")
        event.add("dtstamp", stamp)
        event.add("summary", str(line.choice.session))
        event.add("dtstart", _utc(time_range.starts_at))
        event.add("dtend", _utc(time_range.ends_at))
        if edition.place:
            event.add("location", edition.place)
        calendar.add_component(event)
    return calendar.to_ical()


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
