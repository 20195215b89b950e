"""The participant's personal programme as iCalendar: the file attached to e-mails, and the
calendar of "Mit program" (a one-off download and the private feed a calendar subscribes to)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event

from forsamling.domain.programme import Speaker
from forsamling.registration.models import Registration
from forsamling.registration.my_programme import MyProgramme
from forsamling.registration.queries import ProgrammeLine, slot_time_range

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


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


def programme_calendar(registration: Registration, programme: MyProgramme) -> bytes:
    """The participant's own programme as a calendar: the one-off file and the subscribed feed.

    One event per line of "Mit program" with a time (plenary items, breaks, dinner if booked,
    the sessions they have a seat in), each with a stable UID, so that a calendar following the
    feed moves or cancels an event when a new programme version or a new choice changes it. A
    cancelled registration's calendar is empty."""
    edition = registration.edition
    calendar = Calendar()
    calendar.add("prodid", "-//KL//Forsamling//DA")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Mit program – {edition.title}")
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    if not registration.is_active:
        return calendar.to_ical()
    stamp = timezone.now()
    sequence = programme.version.number if programme.version else 0
    for entry in programme.entries():
        if entry.start is None or not entry.has_seat:
            continue
        event = Event()
        event.add("uid", f"{entry.uid}-{registration.pk}@forsamling")
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("summary", entry.title)
        start = datetime.combine(entry.day, entry.start, tzinfo=COPENHAGEN)
        event.add("dtstart", _utc(start))
        if entry.end is not None and entry.end > entry.start:
            event.add("dtend", _utc(datetime.combine(entry.day, entry.end, tzinfo=COPENHAGEN)))
        where = [entry.room.name] if entry.room else []
        if edition.place:
            where.append(edition.place)
        if where:
            event.add("location", ", ".join(where))
        if entry.speakers:
            event.add("description", "\n".join(_speaker(s) for s in entry.speakers))
        if entry.cancelled:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar.to_ical()


def _speaker(speaker: Speaker) -> str:
    return ", ".join(part for part in (speaker.name, speaker.title, speaker.organisation) if part)
