"""The security headers and the Content-Security-Policy on every kind of page, and
`Cache-Control: no-store` on the private ones."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from forsamling.outputs import jobs
from forsamling.outputs.models import OutputJob, OutputKind

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "frame-ancestors": "'none'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


# Powerful features no page may use (the check-in app's scanner may use the camera).
DENIED = {"camera=()", "geolocation=()", "microphone=()", "payment=()", "usb=()", "midi=()"}


def features(response) -> set[str]:
    header = response.headers.get("Permissions-Policy")
    assert header, f"no Permissions-Policy on {response.request['PATH_INFO']}"
    return {part.strip() for part in header.split(",")}


def policy(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    assert "Content-Security-Policy-Report-Only" not in response.headers
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value
    return directives


def assert_secure(response, *, no_store: bool) -> None:
    directives = policy(response)
    for name, value in STRICT.items():
        assert directives.get(name) == value, (name, directives)
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert features(response) >= DENIED, response.request["PATH_INFO"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    cache = response.headers.get("Cache-Control", "")
    if no_store:
        assert "no-store" in cache, (response.request["PATH_INFO"], cache)


@pytest.fixture
def site(conference, people, users):
    from tests.backoffice.conftest import register

    job = OutputJob.objects.create(edition=conference.edition, kind=OutputKind.DOOR_LISTS)
    jobs.make_pdf(job.pk)
    return {"job": job, "person": register(conference, "Sofie Holm"), "users": users}


PUBLIC = ["/", "/arkiv/", "/tilgaengelighed/", "/2026/", "/2026/program/", "/2026/udstillere/"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_carry_the_policy(client, site, path):
    """Public pages: the strict policy; they may be cached."""
    response = client.get(path)
    assert response.status_code == 200, path
    assert_secure(response, no_store=False)


def test_forms_carry_the_policy_and_are_not_stored(client, site):
    """The registration form and the send-my-link form."""
    for path in ["/2026/tilmelding/", "/2026/tilmelding/send-link/", "/2026/udstillere/book/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_secure(response, no_store=path.startswith("/2026/tilmelding/"))


def test_private_link_pages_are_never_stored(client, site):
    """A participant's private link, its confirmation, its rankings: no-store."""
    token = site["person"].token
    for path in [
        f"/2026/tilmelding/{token}/",
        f"/2026/tilmelding/{token}/kvittering/",
        f"/2026/tilmelding/{token}/prioriteringer/",
        f"/2026/tilmelding/{token}/afmeld/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_secure(response, no_store=True)


def test_back_office_pages_and_downloads_are_never_stored(client, site):
    """Every back-office page, the admin's, the exports and the PDFs: no-store."""
    client.force_login(site["users"].superuser)
    job = site["job"]
    for path in [
        "/backoffice/",
        "/backoffice/registration/registration/",
        "/backoffice/konference/",
        "/backoffice/konference/2026/overblik/",
        "/backoffice/konference/2026/tilmeldinger/",
        "/backoffice/konference/2026/deltagerliste.xlsx",
        "/backoffice/konference/2026/fakturagrundlag.xlsx",
        f"/backoffice/konference/2026/pdf/{job.pk}/hent/",
        "/backoffice/konference/totp/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_secure(response, no_store=True)


def test_the_login_page_is_never_stored(client, site):
    response = client.get("/backoffice/login/")
    assert_secure(response, no_store=True)


@override_settings(ROOT_URLCONF="tests.core.urls_errors")
def test_error_pages_carry_the_policy(site):
    """400, 403, 404, 405, 500 and 503 answers carry the same headers."""
    client = Client(raise_request_exception=False)
    token = site["person"].token
    answers = {
        404: client.get("/findes-ikke/"),
        405: client.get(f"/2026/tilmelding/{token}/samtykke/"),
        500: client.get("/test-boom/"),
        503: client.get("/test-db-gone/"),
        403: Client(enforce_csrf_checks=True).post("/2026/tilmelding/send-link/", {}),
    }
    with override_settings(ALLOWED_HOSTS=["testserver"]):
        answers[400] = client.get("/", HTTP_HOST="evil.example")
    for status, response in answers.items():
        assert response.status_code == status, (status, response.status_code)
        assert_secure(response, no_store=False)


def test_only_the_check_in_app_may_use_the_camera(client, site, conference):
    """The scanner page asks for the camera on its own origin; every other page is denied it."""
    client.force_login(site["users"].checkin)
    app = client.get("/backoffice/konference/2026/tjekind/")
    assert app.status_code == 200
    assert "camera=(self)" in features(app)
    assert features(app) >= DENIED - {"camera=()"}
    desk = client.get("/backoffice/konference/2026/indtjekning/")
    assert desk.status_code == 200
    assert "camera=()" in features(desk)
