"""The programme as iCalendar: stable UIDs, Copenhagen time, one file or one event."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from forsamling.programme.models import Item, Session
from forsamling.programme.services import publish_programme

pytestmark = pytest.mark.django_db


def events_of(content: bytes):
    return [c for c in Calendar.from_ical(content).walk("VEVENT")]


def test_whole_programme_calendar_has_a_timed_event_per_talk_and_session(client, edition_2023):
    response = client.get("/2023/program/program.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = events_of(response.content)
    tema3 = Session.objects.get(number=3)
    event = next(e for e in events if str(e["uid"]).startswith(str(tema3.uid)))
    assert str(event["summary"]) == "Temamøde 3: Små, faste teams i ældreplejen – hvordan?"
    assert event["dtstart"].params["TZID"] == "Europe/Copenhagen"
    assert event["dtstart"].dt.isoformat() == "2023-05-11T15:10:00+02:00"
    assert event["dtend"].dt.isoformat() == "2023-05-11T16:10:00+02:00"
    assert "Pia Kürstein Kjellberg" in str(event["description"])
    assert "Aalborg Kongres & Kultur Center" in str(event["location"])
    assert len(events) == len({str(e["uid"]) for e in events})


def test_calendar_carries_copenhagens_time_zone(client, edition_2023):
    calendar = Calendar.from_ical(client.get("/2023/program/program.ics").content)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]


def test_one_items_calendar_holds_just_that_item(client, edition_2023):
    talk = Item.objects.get(title="Vi skal genfinde omsorgen")
    events = events_of(client.get(f"/2023/program/kalender/{talk.uid}.ics").content)
    assert [str(e["summary"]) for e in events] == ["Vi skal genfinde omsorgen"]
    assert str(events[0]["uid"]) == f"{talk.uid}@forsamling.kl.dk"


def test_uids_stay_the_same_when_a_new_version_moves_the_item(client, edition_2023):
    talk = Item.objects.get(title="Vi skal genfinde omsorgen")
    before = events_of(client.get(f"/2023/program/kalender/{talk.uid}.ics").content)[0]
    Item.objects.filter(pk=talk.pk).update(title="Omsorgen igen")
    publish_programme(edition=edition_2023, comment="Ny titel")
    after = events_of(client.get(f"/2023/program/kalender/{talk.uid}.ics").content)[0]
    assert str(after["uid"]) == str(before["uid"])
    assert str(after["summary"]) == "Omsorgen igen"


def test_unknown_item_has_no_calendar(client, edition_2023):
    assert client.get("/2023/program/kalender/ukendt.ics").status_code == 404
