"""The programme in the schedule XML format (frab's `schedule.xml`, voc/schedule's XSD)."""

from __future__ import annotations

from lxml import etree

from forsamling.conferences.models import Edition
from forsamling.domain.programme import Programme
from forsamling.outputs.schedule import ScheduleEvent, acronym, event_slug, hhmm


def _text(parent: etree._Element, tag: str, text: str | None) -> etree._Element:
    element = etree.SubElement(parent, tag)
    element.text = text or ""
    return element


def schedule_xml(
    edition: Edition,
    programme: Programme,
    events: list[ScheduleEvent],
    *,
    version: int,
    base_url: str,
) -> bytes:
    conference = acronym(edition.slug)
    root = etree.Element("schedule")
    _text(root, "version", str(version))
    info = etree.SubElement(root, "conference")
    _text(info, "title", edition.title)
    _text(info, "acronym", conference)
    _text(info, "start", edition.start_date.isoformat())
    _text(info, "end", edition.end_date.isoformat())
    _text(info, "days", str(len(programme.days)))
    _text(info, "timeslot_duration", "00:05")
    for index, day in enumerate(programme.days, start=1):
        day_events = [e for e in events if e.day == day.date]
        element = etree.SubElement(root, "day", date=day.date.isoformat(), index=str(index))
        if day_events:
            element.set("start", min(e.starts_at for e in day_events).isoformat())
            element.set("end", max(e.ends_at for e in day_events).isoformat())
        rooms: dict[str, etree._Element] = {}
        for event in day_events:
            if event.room not in rooms:
                rooms[event.room] = etree.SubElement(element, "room", name=event.room)
            node = etree.SubElement(
                rooms[event.room], "event", id=str(event.number), guid=event.uid
            )
            _text(node, "date", event.starts_at.isoformat())
            _text(node, "start", event.starts_at.strftime("%H:%M"))
            _text(node, "duration", hhmm(event.duration))
            _text(node, "room", event.room)
            _text(node, "slug", event_slug(conference, event))
            _text(node, "title", event.title)
            _text(node, "subtitle", event.subtitle)
            _text(node, "track", event.track)
            _text(node, "type", event.kind)
            _text(node, "language", "da")
            _text(node, "abstract", event.abstract)
            _text(node, "description", "")
            persons = etree.SubElement(node, "persons")
            for person in event.persons:
                _text(persons, "person", person.name)
            links = etree.SubElement(node, "links")
            _text(links, "link", "Program").set("href", base_url + event.path)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))
