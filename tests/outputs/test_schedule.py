"""The schedule exports (frab/pretalx format) validate against voc/schedule's own schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from forsamling.programme.models import Session

SCHEMAS = Path(__file__).parent / "schemas"

pytestmark = pytest.mark.django_db


def all_events(document):
    for day in document["schedule"]["conference"]["days"]:
        for events in day["rooms"].values():
            yield from events


def test_schedule_json_is_valid_against_the_schema(client, edition_2023):
    document = client.get("/2023/program/schedule.json").json()
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_schedule_json_has_every_timed_talk_and_session_with_stable_guids(client, edition_2023):
    document = client.get("/2023/program/schedule.json").json()
    events = {event["guid"]: event for event in all_events(document)}
    tema3 = Session.objects.get(number=3)
    event = events[str(tema3.uid)]
    assert event["title"] == "Temamøde 3: Små, faste teams i ældreplejen – hvordan?"
    assert event["date"] == "2023-05-11T15:10:00+02:00"
    assert (event["start"], event["duration"]) == ("15:10", "01:00")
    assert [p["name"] for p in event["persons"]] == ["Pia Kürstein Kjellberg"]
    assert event["url"].endswith(f"/2023/program/session/{tema3.uid}/")
    titles = [e["title"] for e in events.values()]
    assert "Vi skal genfinde omsorgen" in titles
    assert "Velfærd i balance" not in titles  # the block is told by its talks
    assert document["schedule"]["conference"]["time_zone_name"] == "Europe/Copenhagen"


def test_schedule_xml_is_valid_against_the_xsd(client, edition_2023):
    response = client.get("/2023/program/schedule.xml")
    assert response["Content-Type"].startswith("application/xml")
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log


def test_schedule_xml_and_json_list_the_same_events(client, edition_2023):
    document = client.get("/2023/program/schedule.json").json()
    xml = etree.fromstring(client.get("/2023/program/schedule.xml").content)
    assert {e.get("guid") for e in xml.iter("event")} == {e["guid"] for e in all_events(document)}


def test_exports_are_not_found_before_the_programme_is_published(client):
    from forsamling.demo.load import load_edition, seed_data

    load_edition(seed_data(2022))
    for suffix in ("schedule.json", "schedule.xml", "program.ics", "program.pdf"):
        assert client.get(f"/2022/program/{suffix}").status_code == 404


def test_a_programme_without_times_yet_still_exports_valid_documents(client):
    """The 2026 seed has its themes and sessions but no times: nothing to schedule yet."""
    from forsamling.demo.load import load_edition, seed_data
    from forsamling.programme.services import publish_programme

    edition, _ = load_edition(seed_data(2026))
    publish_programme(edition=edition, comment="Temaer og sessioner")
    document = client.get("/2026/program/schedule.json").json()
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft6Validator(schema).validate(document)
    assert list(all_events(document)) == []
    xsd = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    assert xsd.validate(etree.fromstring(client.get("/2026/program/schedule.xml").content))
    assert client.get("/2026/program/program.ics").status_code == 200
    assert client.get("/2026/program/program.pdf").status_code == 200
    page = client.get("/2026/program/").content.decode()
    assert "Den Socialpolitiske Sæson" in page and "Politiske forsamlingshuse" in page
