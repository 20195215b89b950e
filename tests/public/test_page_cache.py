"""The one-second page cache: shared HTML, but a fresh CSRF token and form key per visitor."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from forsamling.programme.models import Day, Item, ItemKind
from forsamling.registration.models import Category, Registration
from tests.registration.conftest import make_edition, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="idempotency_key" value="([^"]+)"')


@pytest.fixture
def page_cache():
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=60):
        yield


@pytest.fixture
def edition(db):
    edition = make_edition()
    day = Day.objects.create(edition=edition, date=date(2026, 5, 7))
    slot = Item.objects.create(edition=edition, day=day, kind=ItemKind.BREAKOUT, title="Temaer")
    edition.session = make_session(slot, "Psykiatri", capacity=100)
    edition.slot = slot
    edition.category = Category.objects.create(
        edition=edition, key="embedsperson", name="Embedsperson", price=Decimal("3995")
    )
    return edition


def form_url(edition) -> str:
    return reverse("public:register", kwargs={"edition": edition.slug})


def posted(edition, html: str, **extra: str) -> dict[str, str]:
    """Mette's registration as the form served in `html` sends it (its token and key)."""
    return {
        "csrfmiddlewaretoken": TOKEN.search(html)[1],
        "idempotency_key": KEY.search(html)[1],
        "name": "Mette Hansen",
        "email": "mette@aalborg.dk",
        "organisation": "Aalborg Kommune",
        "category": str(edition.category.pk),
        f"slot_{edition.slot.pk}": str(edition.session.pk),
        "dinner": "nej",
        "accept_terms": "on",
        **extra,
    }


def test_cached_form_has_fresh_values_per_visitor_and_its_post_is_accepted(edition):
    """A visitor served from the cache can register: their token matches their cookie."""
    shared = Client(enforce_csrf_checks=True)  # one handler, so one cache, for both visitors
    first = shared.get(form_url(edition))
    first_html = first.content.decode()
    shared.cookies.clear()
    second = shared.get(form_url(edition))
    second_html = second.content.decode()
    assert TOKEN.search(first_html)[1] != TOKEN.search(second_html)[1]
    assert KEY.search(first_html)[1] != KEY.search(second_html)[1]
    assert "csrftoken" in second.cookies
    assert TOKEN.sub("", KEY.sub("", first_html)) == TOKEN.sub("", KEY.sub("", second_html))
    response = shared.post(form_url(edition), posted(edition, second_html))
    assert response.status_code == 302
    assert Registration.objects.get().idempotency_key == KEY.search(second_html)[1]


def test_seat_counts_on_a_cached_form_are_as_old_as_the_cache_allows(edition):
    """Within the cache's lifetime the form may show an old count; with 0 s it never does."""
    shared = Client()
    assert "100 pladser tilbage" in shared.get(form_url(edition)).content.decode()
    edition.session.capacity = 50
    edition.session.save()
    assert "100 pladser tilbage" in shared.get(form_url(edition)).content.decode()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0):
        assert "50 pladser tilbage" in shared.get(form_url(edition)).content.decode()


def test_logged_in_visitors_and_posts_are_never_served_from_the_cache(edition, admin_user):
    """An organiser's page may differ; a form with errors is the visitor's own."""
    shared = Client()
    shared.get(form_url(edition))
    edition.session.capacity = 50
    edition.session.save()
    shared.force_login(admin_user)
    assert "50 pladser tilbage" in shared.get(form_url(edition)).content.decode()
    shared.logout()
    shared.cookies.clear()
    posted = shared.post(form_url(edition), {"name": ""})
    assert posted.status_code == 400
    assert "50 pladser tilbage" in posted.content.decode()


def test_a_visitor_with_a_message_waiting_gets_their_own_page(edition):
    """Messages are shown on the next page: never kept for, or taken from, the shared copy."""
    shared = Client()
    shared.get(form_url(edition))
    edition.session.capacity = 50
    edition.session.save()
    shared.cookies["messages"] = "anything"
    assert "50 pladser tilbage" in shared.get(form_url(edition)).content.decode()


def test_a_cached_form_serves_each_visitor_a_challenge_priced_for_their_network(edition, altcha_on):
    """The proof of work's first challenge is cut out of the shared page like the CSRF token:
    fresh per visitor, priced for the visitor's network now, and it registers."""
    from forsamling.core import abuse
    from tests.core.test_abuse import served, solve

    for _ in range(150):
        abuse.hit([abuse.network_key("register", "203.0.113.7/32")], seconds=600)
    shared = Client(enforce_csrf_checks=True)
    first = shared.get(form_url(edition), REMOTE_ADDR="198.51.100.1").content.decode()
    shared.cookies.clear()
    second = shared.get(form_url(edition), REMOTE_ADDR="203.0.113.7").content.decode()
    assert served(first)["maxNumber"] == abuse.cost(0)
    assert served(second)["maxNumber"] == abuse.cost(150)  # served from the cache, repriced
    assert served(first)["signature"] != served(second)["signature"]
    response = shared.post(
        form_url(edition),
        posted(edition, second, altcha=solve(served(second))),
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 302


def test_the_crowd_reloading_the_form_is_priced_without_a_query_each_time(edition, altcha_on):
    """Within the cache's second, a network's next reload of the form reuses the counts its
    challenge was priced with: the page costs no query (a second-old count prices as well)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.core.test_abuse import served

    shared = Client()
    shared.get(form_url(edition), REMOTE_ADDR="198.51.100.2")  # the page and its price kept
    shared.cookies.clear()
    with CaptureQueriesContext(connection) as reload:
        page = shared.get(form_url(edition), REMOTE_ADDR="198.51.100.2").content.decode()
    assert served(page)["maxNumber"] == 50_000
    assert len(reload.captured_queries) == 0
    shared.cookies.clear()
    with CaptureQueriesContext(connection) as other:
        shared.get(form_url(edition), REMOTE_ADDR="198.51.100.3")  # another network: counted
    assert len(other.captured_queries) == 1
