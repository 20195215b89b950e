"""The conventions of the field (issue 26): ETags and 304, pagination, `?changed_since=`,
`?expand=`, 429 with Retry-After from a counter every worker shares, idempotent writes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from forsamling.api.models import ApiToken, IdempotentRequest
from forsamling.api.services import hash_key
from forsamling.checkin.models import CheckIn
from forsamling.checkin.tokens import badge_code
from forsamling.core.models import RateCounter
from forsamling.registration.models import Choice, Registration
from forsamling.registration.services import cancel_registration
from tests.api.conftest import api
from tests.backoffice.conftest import register

PROGRAMME = "/api/v1/editions/2026/programme/"
SESSIONS = "/api/v1/editions/2026/sessions/"
REGISTRATIONS = "/api/v1/editions/2026/registrations/"
CHECKINS = "/api/v1/editions/2026/checkins/"
JSON = {"HTTP_ACCEPT": "application/json"}


def test_an_unchanged_programme_answers_304_to_its_etag(client, published):
    first = client.get(PROGRAMME, **JSON)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    again = client.get(PROGRAMME, HTTP_IF_NONE_MATCH=first["ETag"], **JSON)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]


def test_the_etag_changes_with_the_seats_left(client, published, conference):
    first = client.get(SESSIONS, **JSON)
    register(conference, "Ny Deltager", sessions=[conference.big])
    after = client.get(SESSIONS, HTTP_IF_NONE_MATCH=first["ETag"], **JSON)
    assert after.status_code == 200 and after["ETag"] != first["ETag"]
    big = next(s for s in after.json()["results"] if s["uid"] == str(conference.big.uid))
    assert big["seats_left"] == 300 - 1


def test_the_programme_is_the_published_version_not_the_draft(client, published, conference):
    conference.big.title = "Kladde, ikke offentliggjort"
    conference.big.save()
    body = client.get(PROGRAMME, **JSON).json()
    assert body["version"] == 1
    titles = [s["title"] for d in body["days"] for i in d["items"] for s in i["sessions"]]
    assert "Psykiatri" in titles and "Kladde, ikke offentliggjort" not in titles


def test_before_publishing_the_programme_is_not_found_and_lists_are_empty(client, conference):
    assert client.get(PROGRAMME, **JSON).status_code == 404
    assert client.get(SESSIONS, **JSON).json() == {
        "count": 0, "next": None, "previous": None, "results": [],
    }  # fmt: skip


def test_lists_are_paginated_with_count_next_previous_results(client, keys, people):
    first = api(client, keys.registrations).get(REGISTRATIONS, {"page_size": 2}, **JSON).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and first["previous"] is None
    second = client.get(first["next"], **JSON).json()
    assert second["previous"] and len(second["results"]) == 2
    ids = {r["id"] for r in first["results"]} | {r["id"] for r in second["results"]}
    assert len(ids) == 4


def test_changed_since_lists_only_what_changed(client, keys, people):
    moment = timezone.now()
    Registration.objects.filter(pk__in=[people.bo.pk]).update(
        updated_at=moment - timedelta(hours=1)
    )
    Registration.objects.exclude(pk=people.bo.pk).update(updated_at=moment - timedelta(hours=2))
    cancel_registration(registration=people.zara)  # changes zara's row and frees her seat
    reader = api(client, keys.registrations)
    changed = reader.get(REGISTRATIONS, {"changed_since": moment.isoformat()}, **JSON).json()
    assert [r["id"] for r in changed["results"]] == [people.zara.pk]
    assert changed["results"][0]["status"] == "cancelled"
    earlier = (moment - timedelta(minutes=90)).isoformat()
    assert reader.get(REGISTRATIONS, {"changed_since": earlier}, **JSON).json()["count"] == 2


def test_a_seat_from_the_waiting_list_shows_in_changed_choices(client, keys, people, conference):
    moment = timezone.now()
    Choice.objects.update(updated_at=moment - timedelta(hours=1))
    cancel_registration(registration=people.aase)  # Bo moves up from the waiting list
    reader = api(client, keys.registrations)
    rows = reader.get(
        "/api/v1/editions/2026/choices/", {"changed_since": moment.isoformat()}, **JSON
    )
    bo = [r for r in rows.json()["results"] if r["registration"] == people.bo.pk]
    assert bo and bo[0]["status"] == "confirmed"


def test_a_bad_changed_since_is_a_clear_400(client, keys):
    response = api(client, keys.registrations).get(
        REGISTRATIONS, {"changed_since": "i går"}, **JSON
    )
    assert response.status_code == 400
    assert "2026-03-01T10:00:00+01:00" in response.json()["changed_since"][0]


def test_expand_nests_the_related_objects(client, keys, people, published):
    reader = api(client, keys.all)
    plain = reader.get(f"{REGISTRATIONS}{people.aase.pk}/", **JSON).json()
    assert plain["category"] == "politiker" and "choices" not in plain
    full = reader.get(
        f"{REGISTRATIONS}{people.aase.pk}/", {"expand": "category,choices"}, **JSON
    ).json()
    assert full["category"]["name"] == "Kommunalpolitiker"
    assert [c["status"] for c in full["choices"]] == ["confirmed"]
    sessions = reader.get(SESSIONS, {"expand": "speakers,room"}, **JSON).json()["results"]
    big = next(s for s in sessions if s["title"] == "Psykiatri")
    assert big["room"]["name"] == "Sal A" and big["speakers"][0]["name"] == "Leif Vestergaard"
    assert reader.get(SESSIONS, {"expand": "everything"}, **JSON).status_code == 400


def test_the_waiting_list_is_in_queue_order(client, keys, people, conference):
    late = register(conference, "Sidst Ankommet", sessions=[conference.small])
    rows = api(client, keys.registrations).get("/api/v1/editions/2026/waiting-lists/", **JSON)
    queue = [(r["registration"], r["position"]) for r in rows.json()["results"]]
    assert queue == [(people.bo.pk, 1), (late.pk, 2)]


@override_settings(FORSAMLING_API_RATE_ANONYMOUS=3, FORSAMLING_API_RATE_WINDOW_SECONDS=60)
def test_too_many_requests_get_429_with_retry_after(client, published):
    for _ in range(3):
        assert client.get(SESSIONS, **JSON).status_code == 200
    refused = client.get(SESSIONS, **JSON)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60


@override_settings(FORSAMLING_API_RATE_PER_TOKEN=2, FORSAMLING_API_RATE_WINDOW_SECONDS=60)
def test_the_count_is_in_the_database_shared_by_every_worker(client, keys, people):
    """The counter is a row every process reads (not a per-process cache): a second client
    (another worker) with the same token is refused once the first used the limit up."""
    reader = api(client, keys.registrations)
    assert reader.get(REGISTRATIONS, **JSON).status_code == 200
    assert RateCounter.objects.filter(key__startswith="api:token:").get().count == 1
    other = api(Client(), keys.registrations)
    assert other.get(REGISTRATIONS, **JSON).status_code == 200
    assert other.get(REGISTRATIONS, **JSON).status_code == 429
    assert reader.get(REGISTRATIONS, **JSON).status_code == 429


def test_a_retried_check_in_with_its_key_is_answered_the_same_and_happens_once(
    client, keys, people
):
    writer = api(client, keys.checkins)
    body = {"registration": people.zara.pk}
    first = writer.post(CHECKINS, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = writer.post(CHECKINS, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and first.json()["already"] is False
    assert again["Idempotent-Replayed"] == "true"
    assert CheckIn.objects.filter(registration=people.zara).count() == 1


def test_a_second_check_in_without_the_key_says_already(client, keys, people):
    writer = api(client, keys.checkins)
    body = {"registration": people.zara.pk}
    first = writer.post(CHECKINS, body, content_type="application/json")
    second = writer.post(CHECKINS, body, content_type="application/json")
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["already"] is True
    assert second.json()["checked_in_at"] == first.json()["checked_in_at"]


def test_a_key_reused_for_another_body_is_refused(client, keys, people):
    writer = api(client, keys.checkins)
    writer.post(CHECKINS, {"registration": people.zara.pk}, content_type="application/json",
                HTTP_IDEMPOTENCY_KEY="k-2")  # fmt: skip
    other = writer.post(CHECKINS, {"registration": people.aase.pk},
                        content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-2")  # fmt: skip
    assert other.status_code == 422
    assert not CheckIn.objects.filter(registration=people.aase).exists()


def test_a_refused_check_in_frees_its_key(client, keys, people):
    cancel_registration(registration=people.zara)
    writer = api(client, keys.checkins)
    body = {"registration": people.zara.pk}
    refused = writer.post(
        CHECKINS, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-3"
    )
    assert refused.status_code == 409 and "afmeldt" in refused.json()["detail"]


@pytest.mark.parametrize(
    "body", [{}, {"registration": 999_999}, {"code": "1-forged"}, {"registration": 1, "code": "x"}]
)
def test_bad_check_in_requests_are_clear_400s(client, keys, people, body):
    response = api(client, keys.checkins).post(CHECKINS, body, content_type="application/json")
    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def test_a_badge_code_checks_in_too(client, keys, people):
    response = api(client, keys.checkins).post(
        CHECKINS, {"code": badge_code(people.aase.pk)}, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["registration"] == people.aase.pk


def test_a_key_still_being_answered_is_409_and_an_abandoned_one_is_taken_over(client, keys, people):
    token = ApiToken.objects.get(key_hash=hash_key(keys.checkins))
    body = {"registration": people.zara.pk}
    running = IdempotentRequest.objects.create(token=token, key="k-4", fingerprint="x")
    writer = api(client, keys.checkins)
    response = writer.post(
        CHECKINS, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-4"
    )
    assert response.status_code == 409 and not CheckIn.objects.exists()
    IdempotentRequest.objects.filter(pk=running.pk).update(
        created_at=timezone.now() - timedelta(minutes=6)
    )
    response = writer.post(
        CHECKINS, body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-4"
    )
    assert response.status_code == 201 and CheckIn.objects.count() == 1
