"""The back office's API-key page (issue 26): organisers make a key, see it once, revoke it."""

from __future__ import annotations

import re

from forsamling.api.models import ApiToken
from forsamling.api.services import hash_key
from tests.api.conftest import api

PAGE = "/backoffice/konference/2026/api-noegler/"


def test_an_organiser_makes_a_key_and_sees_it_once(client, users, conference):
    client.force_login(users.organiser)
    response = client.post(PAGE, {"label": "Skanner A", "scopes": ["write_checkins"]})
    assert response.status_code == 200
    key = re.search(r'value="(fsm_[^"]+)"', response.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert token.key_hash == hash_key(key) and token.scopes == ["write_checkins"]
    assert token.user == users.organiser and token.label == "Skanner A"
    again = client.get(PAGE).content.decode()
    assert key not in again and token.prefix in again


def test_a_form_without_label_or_scope_says_so_and_keeps_what_was_typed(client, users, conference):
    client.force_login(users.organiser)
    response = client.post(PAGE, {"label": "Regneark"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Vælg mindst én adgang." in body and 'value="Regneark"' in body
    assert (
        "Skriv, hvad nøglen bruges til."
        in client.post(PAGE, {"scopes": ["read_programme"]}).content.decode()
    )
    assert not ApiToken.objects.exists()


def test_revoking_stops_the_key(client, users, keys, people):
    client.force_login(users.organiser)
    token = ApiToken.objects.get(key_hash=hash_key(keys.registrations))
    response = client.post(f"{PAGE}{token.pk}/tilbagekald/")
    assert response.status_code == 302
    assert (
        api(client, keys.registrations)
        .get("/api/v1/editions/2026/registrations/", HTTP_ACCEPT="application/json")
        .status_code
        == 401
    )


def test_only_organisers_reach_the_page(client, users, conference):
    for user in (users.viewer, users.checkin, users.no_role):
        client.force_login(user)
        assert client.get(PAGE).status_code in (302, 403)
        assert client.post(PAGE, {"label": "x", "scopes": ["read_programme"]}).status_code in (
            302,
            403,
        )
    assert not ApiToken.objects.exists()
