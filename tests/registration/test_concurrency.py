"""The opening minute: many real clients post the form at once for a session with 50 seats."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from forsamling.registration.models import Choice, Registration, SessionSeats
from forsamling.registration.seats import waiting_position

from .test_pages import form_data

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def plain_http_cookies(settings):
    """The live server speaks plain HTTP, so the CSRF cookie may not be marked secure."""
    settings.CSRF_COOKIE_SECURE = False
    settings.SESSION_COOKIE_SECURE = False


CLIENTS = 200
WORKERS = 32
SEATS = 50


class Browser:
    """A client with its own cookies, as a browser would have."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def register_one(base: str, path: str, data: dict[str, str]) -> tuple[int, str]:
    browser = Browser(base)
    page = browser.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    return browser.post(path, {**data, "csrfmiddlewaretoken": token.group(1)})


def rush(base: str, edition, session, *, clients: int, workers: int) -> list[tuple[int, str]]:
    """`clients` new participants register for `session` at once over HTTP, `workers` at a
    time; each client's (status, location)."""
    path = f"/{edition.slug}/tilmelding/"
    jobs = [
        form_data(
            edition,
            idempotency_key=uuid.uuid4().hex,
            email=f"deltager{number}@kommune.dk",
            name=f"Deltager {number}",
            **{f"slot_{edition.themes_slot.pk}": str(session.pk)},
        )
        for number in range(clients)
    ]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda data: register_one(base, path, data), jobs))


def test_200_clients_for_50_seats_give_50_seats_and_150_places_in_line(live_server, edition):
    session = edition.big_theme
    session.capacity = SEATS
    session.save()
    results = rush(live_server.url, edition, session, clients=CLIENTS, workers=WORKERS)

    assert [status for status, _ in results] == [302] * CLIENTS
    assert len({location for _, location in results}) == CLIENTS
    assert Registration.objects.count() == CLIENTS
    choices = list(Choice.objects.filter(session=session).order_by("created_at", "id"))
    statuses = [choice.status for choice in choices]
    assert statuses == ["confirmed"] * SEATS + ["waiting"] * (CLIENTS - SEATS)
    waiting = choices[SEATS:]
    assert [waiting_position(choice) for choice in waiting] == list(range(1, len(waiting) + 1))
    assert SessionSeats.objects.get(session=session).taken == SEATS


def test_a_double_submit_by_two_clients_with_one_key_gives_one_registration(live_server, edition):
    path = f"/{edition.slug}/tilmelding/"
    data = form_data(edition, idempotency_key=uuid.uuid4().hex)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: register_one(live_server.url, path, data), range(8)))
    assert {status for status, _ in results} == {302}
    assert len({location for _, location in results}) == 1
    assert Registration.objects.count() == 1
    assert SessionSeats.objects.get(session=edition.small_theme).taken == 1


def test_one_email_registering_from_several_tabs_at_once_gets_one_registration(
    live_server, edition
):
    path = f"/{edition.slug}/tilmelding/"
    jobs = [form_data(edition, idempotency_key=uuid.uuid4().hex) for _ in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda data: register_one(live_server.url, path, data), jobs))
    # One registration; the other tabs get "check your e-mail" (the form does not say that the
    # address is registered, see forsamling.core.abuse).
    assert sorted(status for status, _ in results) == [200] * 7 + [302]
    assert Registration.objects.count() == 1
    assert SessionSeats.objects.get(session=edition.small_theme).taken == 1


def test_concurrent_cancels_and_changes_keep_every_seat_counter_true(edition):
    """Participants cancel and change at the same time (some twice at once): afterwards each
    counter equals its confirmed choices, no session is over capacity, and nobody waits for
    a session that has room."""
    import random

    from django.db import connection

    from forsamling.domain.registration_rules import RegistrationCancelled
    from forsamling.registration.services import (
        cancel_registration,
        change_choices,
    )

    from .conftest import register_official

    small, big = edition.small_theme, edition.big_theme
    big.capacity = 3
    big.save()
    for number in range(24):
        register_official(edition, f"c{number}", f"P {number}", [small if number % 2 else big])
    rng = random.Random(2026)
    operations = [
        (pk, rng.choice(["cancel", "small", "big", "none"]))
        for pk in Registration.objects.values_list("pk", flat=True)
        for _ in range(2)
    ]
    rng.shuffle(operations)

    def run(operation):
        pk, what = operation
        try:
            registration = Registration.objects.select_related("edition", "category").get(pk=pk)
            if what == "cancel":
                cancel_registration(registration=registration)
            else:
                chosen = {"small": [small], "big": [big], "none": []}[what]
                change_choices(registration=registration, sessions=chosen)
        except RegistrationCancelled:
            pass
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(run, operations))

    for session in (small, big):
        session.refresh_from_db()
        confirmed = Choice.objects.filter(session=session, status="confirmed").count()
        waiting = Choice.objects.filter(session=session, status="waiting").count()
        assert SessionSeats.objects.get(session=session).taken == confirmed
        assert confirmed <= session.capacity
        assert waiting == 0 or confirmed == session.capacity
