"""'Mit program': the participant's own days with rooms, speakers and the badge QR, the data
the phone compares, the installable shell, and the private calendar feed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from forsamling.privacy.anonymise import anonymise_registrations
from forsamling.registration import calendar_feeds
from forsamling.registration.models import CalendarFeed, Registration
from forsamling.registration.services import (
    ParticipantDetails,
    change_choices,
    substitute_participant,
)

from .my_programme_scene import build, move_the_theme_meeting
from .test_services import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(edition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        built = build(edition)
    return built


def page_url(registration):
    return f"/{registration.edition.slug}/tilmelding/{registration.token}/mit-program/"


def events(body: bytes) -> dict[str, dict]:
    calendar = Calendar.from_ical(body)
    return {
        str(event["summary"]): {
            "start": event.decoded("dtstart"),
            "location": str(event.get("location", "")),
            "status": str(event.get("status", "")),
            "description": str(event.get("description", "")),
        }
        for event in calendar.walk("VEVENT")
    }


def test_the_page_shows_the_day_with_rooms_speakers_break_dinner_and_the_badge_qr(client, scene):
    """Lise sees the plenary items, her temamøde in Sal 3 with its speaker, the break, the
    dinner she booked and the QR code for the door."""
    response = client.get(page_url(scene.lise))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Velkomst", "Martin Damm, Formand, KL", "Kaffepause", "Middag og underholdning",
                 "Faste teams i ældreplejen", "Lokale: Sal 3", "Bente Lund, Forsker, VIVE",
                 "Du har plads", 'class="badge-qr"', 'rel="manifest"'):  # fmt: skip
        assert text in html, text
    assert "Psykiatri" not in html  # a session she did not choose


def test_the_dinner_is_only_on_the_programme_of_those_who_booked_it(client, scene):
    html = client.get(page_url(scene.ole)).content.decode()
    assert "Velkomst" in html
    assert "Middag og underholdning" not in html


def test_an_unknown_link_gives_404(client, scene):
    assert client.get("/2026/tilmelding/ikke-et-link/mit-program/").status_code == 404


def test_the_data_changes_version_exactly_when_a_line_of_hers_changes(client, scene):
    """The phone compares `version`; the moved temamøde changes time and room in the data."""
    before = client.get(page_url(scene.lise) + "data.json").json()
    again = client.get(page_url(scene.lise) + "data.json").json()
    assert before == again
    uid = str(scene.edition.small_theme.uid)
    assert before["items"][uid] | {"title": ""} == {
        "day": str(scene.edition.themes_slot.day.date), "start": "15:00", "end": "16:30",
        "room": "Sal 3", "title": "", "cancelled": False,
    }  # fmt: skip
    move_the_theme_meeting(scene)
    after = client.get(page_url(scene.lise) + "data.json").json()
    assert after["version"] != before["version"]
    assert (after["items"][uid]["start"], after["items"][uid]["room"]) == ("15:30", "Store Sal")


def test_manifest_and_service_worker_are_scoped_to_the_private_programme(client, scene):
    url = page_url(scene.lise)
    manifest = client.get(url + "manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    assert manifest.json()["start_url"] == url
    assert manifest.json()["scope"] == url
    worker = client.get(url + "sw.js")
    assert worker["Content-Type"].startswith("text/javascript")
    body = worker.content.decode()
    assert f"var PAGE = '{url}'" in body.replace("\\u002D", "-")
    assert "vendor/idb/umd.js" in body


def test_a_feed_is_made_on_the_page_and_parses_with_icalendar(client, scene):
    url = page_url(scene.lise)
    response = client.post(url + "kalender/", {"action": "create"})
    assert response.status_code == 302
    feed = CalendarFeed.objects.get(registration=scene.lise)
    html = client.get(url).content.decode()
    assert calendar_feeds.webcal_url(feed) in html
    body = client.get(calendar_feeds.feed_path(feed))
    assert body["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(body.content)
    assert {"Velkomst", "Kaffepause", "Middag og underholdning"} <= set(found)
    assert calendar_feeds.webcal_url(feed).startswith("webcal://")
    theme = next(v for k, v in found.items() if "Faste teams" in k)
    assert theme["location"].startswith("Sal 3")
    assert "Bente Lund" in theme["description"]


def test_the_feed_follows_a_new_programme_version(
    client, scene, django_capture_on_commit_callbacks
):
    feed = calendar_feeds.create_calendar_feed(registration=scene.lise)
    before = events(client.get(calendar_feeds.feed_path(feed)).content)
    with django_capture_on_commit_callbacks(execute=True):
        move_the_theme_meeting(scene)
    after = events(client.get(calendar_feeds.feed_path(feed)).content)
    [title] = [k for k in after if "Faste teams" in k]
    assert (after[title]["start"] - before[title]["start"]).total_seconds() == 30 * 60
    assert after[title]["location"].startswith("Store Sal")


def test_the_feed_follows_her_choices(client, scene):
    feed = calendar_feeds.create_calendar_feed(registration=scene.lise)
    change_choices(registration=scene.lise, sessions=[scene.edition.big_theme])
    found = events(client.get(calendar_feeds.feed_path(feed)).content)
    assert not any("Faste teams" in k for k in found)
    assert any("Psykiatri" in k for k in found)


def test_a_revoked_or_renewed_feed_gives_404(client, scene):
    url = page_url(scene.lise)
    client.post(url + "kalender/", {"action": "create"})
    old = CalendarFeed.objects.get(registration=scene.lise)
    old_path = calendar_feeds.feed_path(old)
    client.post(url + "kalender/", {"action": "renew"})
    new = CalendarFeed.objects.get(registration=scene.lise)
    assert new.token != old.token
    assert client.get(old_path).status_code == 404
    assert client.get(calendar_feeds.feed_path(new)).status_code == 200
    client.post(url + "kalender/", {"action": "revoke"})
    assert client.get(calendar_feeds.feed_path(new)).status_code == 404
    assert not CalendarFeed.objects.filter(registration=scene.lise).exists()


def test_a_bad_feed_action_is_refused_in_danish_and_changes_nothing(client, scene):
    before = list(CalendarFeed.objects.values_list("registration", "token"))
    response = client.post(page_url(scene.lise) + "kalender/", {"action": "slet-alt"}, follow=True)
    assert "Det kunne ikke lade sig gøre" in response.content.decode()
    assert list(CalendarFeed.objects.values_list("registration", "token")) == before


def test_the_one_off_file_is_offered_next_to_the_feed(client, scene):
    response = client.get(page_url(scene.lise) + "mit-program.ics")
    assert response["Content-Disposition"] == 'attachment; filename="mit-program.ics"'
    assert any("Faste teams" in k for k in events(response.content))


def test_the_confirmation_email_offers_the_feed_next_to_the_attached_file(
    edition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(edition, name="Mette Hansen").registration
    [message] = mail.outbox
    feed = CalendarFeed.objects.get(registration=registration)
    assert calendar_feeds.webcal_url(feed) in message.body
    assert f"/tilmelding/{registration.token}/mit-program/" in message.body
    assert [a[0] for a in message.attachments] == ["program.ics"]


def test_handing_the_place_over_stops_the_former_holders_feed(client, scene):
    feed = calendar_feeds.create_calendar_feed(registration=scene.lise)
    substitute_participant(
        registration=scene.lise,
        details=ParticipantDetails(
            name="Karen Vinther", email="karen@aalborg.dk", organisation="Aalborg Kommune"
        ),
    )
    assert client.get(calendar_feeds.feed_path(feed)).status_code == 404


def test_erasure_deletes_the_feed(client, scene):
    feed = calendar_feeds.create_calendar_feed(registration=scene.lise)
    anonymise_registrations(Registration.objects.filter(pk=scene.lise.pk), timezone.now())
    assert client.get(calendar_feeds.feed_path(feed)).status_code == 404
