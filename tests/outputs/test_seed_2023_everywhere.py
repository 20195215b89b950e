"""Every time, title and speaker of the 2023 programme (seed 003) is in every export."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from icalendar import Calendar

from forsamling.demo.load import seed_data

pytestmark = pytest.mark.django_db


def seed_entries() -> list[dict]:
    """The seed's items that stand on their own (talks, breaks, sessions; not block headers)."""
    entries = []
    for day in seed_data(2023)["days"]:
        for item in day["items"]:
            children = item.get("children") or []
            for entry in children or [item]:
                if entry["kind"] != "breakout":
                    entries.append({**entry, "date": day["date"]})
            for session in item.get("sessions") or []:
                entries.append({**session, "start": item["start"], "date": day["date"]})
    return entries


def flat(text: str) -> str:
    return " ".join(text.split())


def unhyphenated(text: str) -> str:
    return re.sub(r"(\w)- ?(\w)", r"\1\2", text)


def speakers_of(entry: dict) -> list[str]:
    return [speaker["name"] for speaker in entry.get("speakers") or []]


def test_the_seed_has_what_this_test_checks():
    """A guard: the list covers talks, breaks and all 12 sessions of 2023."""
    entries = seed_entries()
    assert len([e for e in entries if "audience" in e]) == 12
    assert len(entries) > 35


def test_ical_has_every_time_title_and_speaker(client, edition_2023):
    """Each entry is an event at its time; its speakers are in the event's description."""
    calendar = Calendar.from_ical(client.get("/2023/program/program.ics").content)
    events = [
        (
            str(event["summary"]),
            event["dtstart"].dt.strftime("%Y-%m-%d %H:%M"),
            str(event.get("description", "")),
        )
        for event in calendar.walk("VEVENT")
    ]
    for entry in seed_entries():
        moment = f"{entry['date']} {entry['start']}"
        matches = [e for e in events if entry["title"] in e[0] and e[1] == moment]
        assert matches, f"{moment} {entry['title']}"
        for name in speakers_of(entry):
            assert any(name in description for _, _, description in matches), name


def test_schedule_json_has_every_time_title_and_speaker(client, edition_2023):
    """Each entry is an event of the frab/pretalx schedule, with its persons."""
    document = client.get("/2023/program/schedule.json").json()
    events = [
        event
        for day in document["schedule"]["conference"]["days"]
        for room_events in day["rooms"].values()
        for event in room_events
    ]
    for entry in seed_entries():
        found = [
            e
            for e in events
            if entry["title"] in e["title"]
            and e["start"] == entry["start"]
            and e["date"].startswith(entry["date"])
        ]
        assert found, f"{entry['date']} {entry['start']} {entry['title']}"
        persons = {p["name"] for e in found for p in e["persons"]}
        assert set(speakers_of(entry)) <= persons, entry["title"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_has_every_time_title_and_speaker(client, edition_2023, tmp_path):
    """The printable programme holds each time, title and speaker name as text."""
    path = tmp_path / "program.pdf"
    path.write_bytes(client.get("/2023/program/program.pdf").content)
    text = flat(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    # Line breaks after a hyphen join words in the text: compare with hyphens and spaces
    # after them taken out on both sides.
    text = unhyphenated(text)
    missing = []
    for entry in seed_entries():
        time = entry["start"].replace(":", ".")
        for expected in (time, flat(entry["title"]), *speakers_of(entry)):
            if unhyphenated(expected) not in text:
                missing.append(expected)
    assert missing == []
