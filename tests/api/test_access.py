"""Who reads what (issue 26): per scope, per edition, revoked, and the organiser's role."""

from __future__ import annotations

import pytest
from django.utils import timezone

from forsamling.accounts.models import EditionRole
from forsamling.api.models import ApiToken, Scope
from forsamling.api.services import create_token, hash_key, revoke_token
from forsamling.privacy.anonymise import anonymise_registrations
from forsamling.registration.models import Registration
from tests.api.conftest import api, make_conference

REGISTRATIONS = "/api/v1/editions/2026/registrations/"
CHECKINS = "/api/v1/editions/2026/checkins/"
ORGANISER_LISTS = [
    REGISTRATIONS,
    "/api/v1/editions/2026/choices/",
    "/api/v1/editions/2026/waiting-lists/",
    "/api/v1/editions/2026/invoices/",
]


def get(client, url, key=None):
    return api(client, key).get(url, HTTP_ACCEPT="application/json")


@pytest.mark.parametrize("url", ORGANISER_LISTS)
def test_no_token_is_asked_to_authenticate(client, conference, url):
    response = get(client, url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("url", ORGANISER_LISTS)
def test_the_right_scope_reads(client, keys, people, url):
    response = get(client, url, keys.registrations)
    assert response.status_code == 200
    assert "results" in response.json()


@pytest.mark.parametrize("url", ORGANISER_LISTS)
def test_the_wrong_scope_is_refused(client, keys, url):
    for key in (keys.programme, keys.checkins):
        assert get(client, url, key).status_code == 403


def test_a_token_of_another_edition_is_refused(client, conference, users, people):
    other = make_conference("2027")
    key = create_token(
        edition=other.edition, user=users.superuser, label="2027", scopes=[Scope.READ_REGISTRATIONS]
    ).key
    assert get(client, REGISTRATIONS, key).status_code == 403
    assert get(client, "/api/v1/editions/2027/registrations/", key).status_code == 200


def test_a_revoked_token_no_longer_works(client, keys):
    token = ApiToken.objects.get(key_hash=hash_key(keys.registrations))
    assert get(client, REGISTRATIONS, keys.registrations).status_code == 200
    revoke_token(token=token)
    response = get(client, REGISTRATIONS, keys.registrations)
    assert response.status_code == 401
    assert "tilbagekaldt" in response.json()["detail"]


def test_an_unknown_token_is_refused(client, conference):
    assert get(client, REGISTRATIONS, "fsm_not-a-real-key").status_code == 401


def test_a_token_stops_when_its_organiser_loses_the_role(client, keys, users, conference):
    assert get(client, REGISTRATIONS, keys.registrations).status_code == 200
    EditionRole.objects.filter(user=users.organiser, edition=conference.edition).delete()
    assert get(client, REGISTRATIONS, keys.registrations).status_code == 403


def test_a_viewer_token_reads_but_cannot_check_in(client, keys, users, people):
    """The back office's rule: a viewer may export (read registrations), not check in."""
    key = keys.make(Scope.READ_REGISTRATIONS, Scope.WRITE_CHECKINS, user=users.viewer)
    assert get(client, REGISTRATIONS, key).status_code == 200
    response = api(client, key).post(
        CHECKINS, {"registration": people.zara.pk}, content_type="application/json"
    )
    assert response.status_code == 403


def test_check_in_staff_may_check_in_and_see_arrivals_but_not_registrations(
    client, keys, users, people
):
    key = keys.make(Scope.WRITE_CHECKINS, Scope.READ_REGISTRATIONS, user=users.checkin)
    assert get(client, REGISTRATIONS, key).status_code == 403
    assert get(client, CHECKINS, key).status_code == 200
    response = api(client, key).post(
        CHECKINS, {"registration": people.zara.pk}, content_type="application/json"
    )
    assert response.status_code == 201


def test_writing_needs_the_write_scope(client, keys, people):
    response = api(client, keys.registrations).post(
        CHECKINS, {"registration": people.zara.pk}, content_type="application/json"
    )
    assert response.status_code == 403


def test_only_the_hash_is_stored_and_the_key_is_shown_once(conference, users):
    made = create_token(
        edition=conference.edition, user=users.organiser, label="Skanner", scopes=["write_checkins"]
    )
    stored = ApiToken.objects.get(pk=made.token.pk)
    assert made.key.startswith("fsm_") and len(made.key) > 40
    assert made.key not in {stored.key_hash, stored.prefix, stored.label}
    assert stored.key_hash == hash_key(made.key)
    assert made.key.startswith(stored.prefix)


def test_a_hidden_edition_is_not_found_except_by_its_programme_token(
    client, keys, published, conference
):
    conference.edition.is_public = False
    conference.edition.save()
    assert get(client, "/api/v1/editions/2026/programme/").status_code == 404
    assert get(client, "/api/v1/editions/2026/programme/", keys.registrations).status_code == 404
    assert get(client, "/api/v1/editions/2026/programme/", keys.programme).status_code == 200
    assert get(client, "/api/v1/editions/").json()["count"] == 0


def test_personal_data_is_only_in_the_organisers_resources(client, published, people):
    """No public resource names a participant."""
    for resource in ("programme", "sessions", "speakers", "exhibitors"):
        body = get(client, f"/api/v1/editions/2026/{resource}/").content.decode()
        assert people.aase.email not in body and "Aase" not in body


def test_erased_people_disappear_from_the_api(client, keys, people):
    anonymise_registrations(Registration.objects.filter(pk=people.bo.pk), timezone.now())
    ids = {row["id"] for row in get(client, REGISTRATIONS, keys.registrations).json()["results"]}
    assert people.bo.pk not in ids and people.aase.pk in ids
    waiting = get(client, "/api/v1/editions/2026/waiting-lists/", keys.registrations).json()
    assert people.bo.pk not in {row["registration"] for row in waiting["results"]}
    detail = f"{REGISTRATIONS}{people.bo.pk}/"
    assert get(client, detail, keys.registrations).status_code == 404
