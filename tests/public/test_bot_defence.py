"""Every public page that takes a POST holds bots off (`forsamling.public.bot_defence`): anyone
can open it and its form needs a proof of work, or it is behind a private token that it checks
before anything else. The walk finds the pages itself, so a new public form with neither
fails here, saying where to declare it."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver
from django.utils import timezone

from forsamling.core.abuse import FORMS
from forsamling.exhibitors.models import Exhibitor
from forsamling.privacy.models import AccessLink
from forsamling.prizes.models import Nomination, Prize
from forsamling.public import bot_defence
from forsamling.public import urls as public_urls
from forsamling.registration import groups
from forsamling.registration.models import GroupBooking, Registration
from tests.exhibitors.conftest import make_stand
from tests.exhibitors.test_pages import booking_data
from tests.prizes.conftest import complete_values
from tests.public.urls_bot_defence import FORGOTTEN
from tests.registration.conftest import edition  # noqa: F401 (a fixture)
from tests.registration.test_pages import form_data

pytestmark = pytest.mark.django_db

PRIVATE = {"token", "feed"}  # the address parts that are a private link's secret
UNKNOWN_TOKEN = "Zx9" * 12
NO_PROOF = "kræver, at JavaScript er slået til"


@pytest.fixture
def site(edition):  # noqa: F811
    """The edition open for registration, stand bookings and nominations."""
    now = timezone.now()
    edition.exhibitors_open_at = now - timedelta(days=1)
    edition.exhibitors_close_at = now + timedelta(days=10)
    edition.save(update_fields=["exhibitors_open_at", "exhibitors_close_at"])
    edition.stand = make_stand(edition, "A1")
    Prize.objects.create(
        edition=edition,
        nominations_open_at=now - timedelta(days=1),
        nominations_close_at=now + timedelta(days=30),
        jury_deadline=now + timedelta(days=60),
    )
    edition.group = groups.register_group(
        edition=edition, organisation="Randers Kommune", secretary_name="Lise Holm",
        secretary_email="lise@randers.dk",
    )  # fmt: skip
    return edition


def public_pages(patterns: list) -> Iterator[URLPattern]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from public_pages(pattern.url_patterns)
        else:
            yield pattern


def safe_only(view: object) -> bool:
    """Whether Django's `require_GET`/`require_safe`/`require_http_methods` allows no POST."""
    while view is not None:
        if inspect.isfunction(view):
            allowed = inspect.getclosurevars(view).nonlocals.get("request_method_list")
            if allowed is not None:
                return "POST" not in allowed
        view = getattr(view, "__wrapped__", None)
    return False


def address(pattern: URLPattern, edition_slug: str, token: str) -> str:
    def value(match: re.Match) -> str:
        name = match.group(2)
        return edition_slug if name == "edition" else token if name in PRIVATE else "1"

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, str(pattern.pattern))


def reads_the_post(pattern: URLPattern, response) -> bool:
    """The view read the posted form (its request's POST was loaded), or its code reads it."""
    view = inspect.unwrap(pattern.callback)
    source = inspect.getsource(view) if inspect.isfunction(view) else ""
    return hasattr(response.wsgi_request, "_post") or bool(
        re.search(r"request\.(POST|FILES|body)\b", source)
    )


def undefended(client: Client, patterns: list, edition_slug: str) -> list[str]:
    """The pages that take a POST from anyone without a proof of work, or take one without
    checking their token, each with what to do."""
    found = []
    for pattern in public_pages(patterns):
        if safe_only(pattern.callback):
            continue
        url = address(pattern, edition_slug, UNKNOWN_TOKEN)
        response = client.post(url, {"name": "Bot"})
        if PRIVATE & set(pattern.pattern.converters):
            if response.status_code != 404:
                found.append(f"{pattern.name}: answers {response.status_code} to an unknown token")
        elif reads_the_post(pattern, response) and pattern.name not in bot_defence.PROOF_OF_WORK:
            found.append(
                f"{pattern.name}: anyone can post it; give its form a proof of work and declare "
                "it in forsamling.public.bot_defence.PROOF_OF_WORK"
            )
    return found


def test_every_public_page_that_takes_a_post_needs_a_proof_of_work_or_a_private_link(client, site):
    assert undefended(client, public_urls.urlpatterns, site.slug) == []


@pytest.mark.urls("tests.public.urls_bot_defence")
def test_a_new_form_without_either_is_found(client, site):
    assert [line.split(":")[0] for line in undefended(client, FORGOTTEN, site.slug)] == [
        "forgotten_open",
        "forgotten_token",
    ]


def test_the_pages_without_a_proof_of_work_on_purpose_are_behind_a_private_link(client, site):
    pages = {p.name: p for p in public_pages(public_urls.urlpatterns)}
    assert set(bot_defence.PRIVATE_LINK) == {"speaker_page", "survey", "exhibitor_leads"}
    for name in bot_defence.PRIVATE_LINK:
        assert PRIVATE & set(pages[name].pattern.converters), name
        url = address(pages[name], site.slug, UNKNOWN_TOKEN)
        assert client.post(url, {"note": "x", "code": "1"}).status_code == 404, name
        assert name not in bot_defence.PROOF_OF_WORK


def valid_post(name: str, edition) -> tuple[str, dict]:  # noqa: F811
    """A form for each page with a proof of work, filled in as a person would, and its URL."""
    slug = edition.slug
    group = f"/{slug}/tilmelding/gruppe/{edition.group.token}/"
    person = form_data(edition, name="Mette Hansen", email="mette@aalborg.dk")
    return {
        "register": (f"/{slug}/tilmelding/", person),
        "registration_resend": (f"/{slug}/tilmelding/send-link/", {"email": "mette@aalborg.dk"}),
        "registration_group_start": (
            f"/{slug}/tilmelding/gruppe/",
            {
                "organisation": "Aarhus Kommune",
                "secretary_name": "Bo Berg",
                "secretary_email": "bo@aarhus.dk",
            },
        ),
        "registration_group": (group, person),
        "prize_nominate": (
            f"/{slug}/forebyggelsespris/indstil/",
            {**complete_values(), "action": "submit"},
        ),
        "exhibitor_book": (f"/{slug}/udstillere/book/", booking_data([edition.stand])),
        "privacy_access": (f"/{slug}/privatliv/dine-data/", {"email": "mette@aalborg.dk"}),
    }[name]


@pytest.mark.parametrize("name", sorted(bot_defence.PROOF_OF_WORK))
def test_each_page_with_a_proof_of_work_shows_it_and_refuses_a_form_without_it(
    client, site, settings, name
):
    settings.FORSAMLING_ALTCHA = True
    form = bot_defence.PROOF_OF_WORK[name]
    assert form in FORMS
    url, data = valid_post(name, site)
    page = client.get(url)
    assert page.status_code == 200
    assert f"/altcha/udfordring/?form={form}" in page.content.decode()
    response = client.post(url, data)
    assert response.status_code == 400
    assert NO_PROOF in " ".join(response.content.decode().split())
    assert not Registration.objects.exists()
    assert GroupBooking.objects.count() == 1  # the fixture's
    assert not Nomination.objects.exists() and not Exhibitor.objects.exists()
    assert not AccessLink.objects.exists()
