"""Error pages: Danish, in DKFDS, with no trace; a database outage answers 503 with
Retry-After and says that reloading is safe."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client, override_settings

from tests.registration.test_pages import form_data

LEAKS = ["Traceback", "secret detail", "OperationalError", "RuntimeError", "File &quot;", "/src/"]


def assert_danish_page(response, status: int, heading: str) -> str:
    page = response.content.decode()
    assert response.status_code == status
    assert f"Fejl {status}" in page and heading in page, page[:3000]
    assert '<html lang="da">' in page and "dkfds/css/dkfds.min.css" in page
    for leak in LEAKS:
        assert leak not in page, leak
    return page


@override_settings(ROOT_URLCONF="tests.core.urls_errors")
def test_every_error_page_is_danish_and_leaks_nothing(edition):
    from forsamling.registration.services import register_participant
    from tests.registration.conftest import details

    person = register_participant(
        edition=edition, idempotency_key="k", details=details(),
        category=edition.official, sessions=[],
    ).registration  # fmt: skip
    client = Client(raise_request_exception=False)
    assert_danish_page(client.get("/findes-ikke/"), 404, "Siden findes ikke")
    assert_danish_page(client.get("/2026/tilmelding/ukendt-link/"), 404, "Siden findes ikke")
    not_allowed = client.get(f"/2026/tilmelding/{person.token}/samtykke/")
    assert_danish_page(not_allowed, 405, "Siden kan ikke bruges sådan")
    assert not_allowed["Allow"] == "POST"
    assert_danish_page(client.get("/test-boom/"), 500, "Der opstod en fejl hos os")
    csrf = Client(enforce_csrf_checks=True).post("/2026/tilmelding/send-link/", {})
    assert_danish_page(csrf, 403, "Formularen kunne ikke sendes")
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        assert_danish_page(client.get("/", HTTP_HOST="evil.example"), 400, "kunne ikke forstås")
    client.force_login(_staff_without_roles())
    denied = client.get(f"/backoffice/konference/{edition.slug}/overblik/")
    assert_danish_page(denied, 403, "Du har ikke adgang til siden")


@override_settings(ROOT_URLCONF="tests.core.urls_errors")
def test_an_operational_error_in_a_view_is_a_503(db):
    response = Client(raise_request_exception=False).get("/test-db-gone/")
    page = assert_danish_page(response, 503, "Systemet svarer ikke lige nu")
    assert response["Retry-After"] == "10"
    assert "Det er sikkert at genindlæse siden" in page and "kan være gået igennem" in page


@pytest.fixture
def database_gone(transactional_db):
    """The database server is unreachable: the connection points at a socket (PostgreSQL) or
    a file (SQLite) that does not exist, as during a restart."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent/forsamling.sqlite3"
    else:
        connection.settings_dict["HOST"] = "/nonexistent"
        connection.settings_dict["PORT"] = "5432"
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)


def test_a_registration_sent_while_the_database_is_away_gets_a_danish_503(edition, database_gone):
    """The issue's finding: during a PostgreSQL restart, English 500 pages. Now a 503 that
    tells the participant that reloading is safe."""
    client = Client(raise_request_exception=False)
    for response in [
        client.get("/2026/tilmelding/"),
        client.post("/2026/tilmelding/", form_data(edition)),
        client.get("/"),
    ]:
        page = assert_danish_page(response, 503, "Systemet svarer ikke lige nu")
        assert response["Retry-After"] == "10"
        assert "du bliver ikke tilmeldt to gange" in page
        assert response.headers.get("Content-Security-Policy")


def _staff_without_roles():
    from tests.backoffice.conftest import make_user

    return make_user("ingen", is_staff=True)
