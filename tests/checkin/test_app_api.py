"""The check-in app's two endpoints: the door list (with its version) and the scans."""

from __future__ import annotations

import json
import uuid

import pytest
from django.test import Client

from forsamling.checkin.models import CheckIn
from forsamling.checkin.tokens import badge_code
from forsamling.registration.services import cancel_registration
from tests.backoffice.conftest import make_conference


def list_url(conference):
    return f"/backoffice/konference/{conference.edition.slug}/tjekind/liste.json"


def events_url(conference):
    return f"/backoffice/konference/{conference.edition.slug}/tjekind/scanninger/"


@pytest.fixture
def door(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users.checkin)
    return client


def post_events(client, conference, events, token):
    return client.post(
        events_url(conference),
        data=json.dumps({"events": events}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )


def event(registration, *, device="Indgang B", at="2026-05-07T09:02:00+02:00", **extra):
    return {"id": str(uuid.uuid4()), "code": badge_code(registration.pk), "device": device,
            "at": at, "session": None, **extra}  # fmt: skip


def test_the_door_list_holds_what_the_door_needs_and_no_more(conference, people, door):
    response = door.get(list_url(conference))
    assert response.status_code == 200
    body = response.json()
    aase = next(p for p in body["people"] if p["name"] == "Aase Ørum")
    assert aase == {
        "code": badge_code(people.aase.pk),
        "name": "Aase Ørum",
        "organisation": "Aabenraa Kommune",
        "category": "Kommunalpolitiker",
        "sessions": [conference.small.pk],
        "waiting": [],
        "dinner": True,
        "cancelled": False,
        "arrived": None,
    }
    text = response.content.decode()
    for private in ["@example.dk", "Vegetar", "Kørestol", "5798000000001", "Rådmand"]:
        assert private not in text
    assert [p["name"] for p in body["people"]][-2:] == ["Øline Ås", "Aase Ørum"]
    small = next(s for s in body["sessions"] if s["id"] == conference.small.pk)
    assert small["capacity"] == 2 and small["time"] == "13.00–14.30"


def test_the_door_list_is_not_sent_again_while_it_is_unchanged(conference, people, door):
    first = door.get(list_url(conference))
    etag = first["ETag"]
    assert door.get(list_url(conference), HTTP_IF_NONE_MATCH=etag).status_code == 304
    token = first["X-CSRFToken"]
    assert post_events(door, conference, [event(people.zara)], token).status_code == 200
    changed = door.get(list_url(conference), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    bo = next(p for p in changed.json()["people"] if p["name"] == "Zara Holm")
    assert bo["arrived"]["device"] == "Indgang B"


def test_a_cancelled_person_stays_on_the_list_marked_cancelled(conference, people, door):
    cancel_registration(registration=people.oline)
    body = door.get(list_url(conference)).json()
    assert next(p for p in body["people"] if p["name"] == "Øline Ås")["cancelled"] is True


def test_scans_need_the_csrf_token(conference, people, door):
    response = post_events(door, conference, [event(people.zara)], "wrong")
    assert response.status_code == 403 and not CheckIn.objects.exists()


def test_two_devices_one_person_the_second_is_told_when_and_where(conference, people, door):
    token = door.get(list_url(conference))["X-CSRFToken"]
    first = post_events(door, conference, [event(people.zara, device="indgang B")], token)
    assert first.json()["results"][0]["message"] == "Tjekket ind."
    second = post_events(
        door, conference, [event(people.zara, device="Indgang A", at="2026-05-07T09:10:00+02:00")],
        token,
    )  # fmt: skip
    answer = second.json()["results"][0]
    assert answer["outcome"] == "already"
    assert answer["message"] == "Allerede tjekket ind kl. 09.02 (indgang B)."
    assert CheckIn.objects.count() == 1


def test_a_batch_with_a_resent_event_counts_it_once(conference, people, door):
    token = door.get(list_url(conference))["X-CSRFToken"]
    scans = [event(people.zara), event(people.aase)]
    post_events(door, conference, scans, token)
    again = post_events(door, conference, [*scans, event(people.oline)], token).json()["results"]
    assert [a["outcome"] for a in again] == ["checked_in", "checked_in", "checked_in"]
    assert CheckIn.objects.count() == 3


def test_unreadable_events_are_answered_invalid_not_taken(conference, people, door):
    token = door.get(list_url(conference))["X-CSRFToken"]
    other = make_conference("2027")
    bad = [
        {"id": "not-a-uuid", "code": badge_code(people.zara.pk), "device": "A"},
        event(people.zara, device=""),
        event(people.zara, session=other.small.pk),
        "junk",
    ]
    results = post_events(door, conference, bad, token).json()["results"]
    assert [r["outcome"] for r in results] == ["invalid"] * 4
    assert not CheckIn.objects.exists()
    broken = door.post(
        events_url(conference), data="{", content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert broken.status_code == 400 and "kunne ikke læses" in broken.json()["error"]


def test_a_warning_answer_names_the_reason_in_danish(conference, people, door):
    token = door.get(list_url(conference))["X-CSRFToken"]
    cancel_registration(registration=people.oline)
    answer = post_events(door, conference, [event(people.oline)], token).json()["results"][0]
    assert answer["outcome"] == "refused"
    assert answer["message"].startswith("Tilmeldingen er afmeldt")


@pytest.mark.parametrize("role", ["viewer", "no_role"])
def test_only_check_in_staff_may_use_the_app(conference, people, users, role):
    client = Client()
    client.force_login(getattr(users, role))
    assert client.get(list_url(conference)).status_code == 403
    response = client.post(events_url(conference), "{}", content_type="application/json")
    assert response.status_code == 403
    anonymous = Client().get(list_url(conference))
    assert anonymous.status_code == 403


def test_the_app_is_installable_with_its_manifest_and_worker(conference, door):
    slug = conference.edition.slug
    page = door.get(f"/backoffice/konference/{slug}/tjekind/").content.decode()
    assert f'href="/backoffice/konference/{slug}/tjekind/manifest.webmanifest"' in page
    assert "<script>" not in page and "style=" not in page and "onclick" not in page
    manifest = door.get(f"/backoffice/konference/{slug}/tjekind/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    body = manifest.json()
    assert body["start_url"] == body["scope"] == f"/backoffice/konference/{slug}/tjekind/"
    assert body["display"] == "standalone" and body["lang"] == "da"
    assert {icon["sizes"] for icon in body["icons"]} == {"192x192", "512x512"}
    worker = door.get(f"/backoffice/konference/{slug}/tjekind/sw.js")
    assert worker["Content-Type"].startswith("text/javascript")
    assert worker["Service-Worker-Allowed"] == f"/backoffice/konference/{slug}/tjekind/"
    script = worker.content.decode()
    assert "/static/vendor/zxing-wasm/zxing_reader.wasm" in script
    assert "jsdelivr" not in script and "unpkg" not in script
