"""The organiser's first hour in a real browser (issue #25): copying an edition to next year
as a step on its page, and wide tables that are readable on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.conferences.models import Edition
from forsamling.registration.models import Category
from tests.backoffice.conftest import make_user
from tests.backoffice.test_backoffice_e2e import log_in
from tests.e2e.screens import assert_no_sideways_scroll
from tests.prizes.conftest import make_nomination, make_prize

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/work/wt/shots/firsthour")


def shoot(page, name: str) -> None:
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def no_sideways_scroll(page) -> None:
    width = page.viewport_size["width"]
    assert_no_sideways_scroll(page, width, "test_first_hour_e2e")


def fully_visible(cell) -> None:
    """Scrolled to vertically, the whole cell is on screen: no sideways swipe needed."""
    cell.scroll_into_view_if_needed()
    expect(cell).to_be_in_viewport(ratio=1)


def test_an_organiser_previews_and_copies_the_edition_to_next_year_by_keyboard(
    page, live_server, conference, users, assert_accessible
):
    conference.stand.invitation_only = True
    conference.stand.save()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, users.organiser.username)
    page.goto(f"{live_server.url}/backoffice/konference/2026/overblik/")
    page.get_by_text("Menu", exact=True).click()  # on a phone the menu opens first
    page.get_by_role("link", name="Kopiér til næste år").click()
    expect(page.get_by_role("heading", name="Kopiér til næste år", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Kopieres", level=2, exact=True)).to_be_visible()
    expect(page.get_by_text("heraf kun med invitation")).to_contain_text("1")
    expect(page.get_by_text("torsdag 13. maj 2027")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll(page)
    shoot(page, "next-year-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
    shoot(page, "next-year-1280")
    button = page.get_by_role("button", name="Opret næste års udgave som kopi af")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Overblik", level=1)).to_be_visible()
    expect(page.get_by_text("er oprettet som kopi")).to_be_visible()
    copy = Edition.objects.get(slug="2027")
    assert Category.objects.get(edition=copy, key="stand").invitation_only is True
    assert_accessible(page)
    shoot(page, "next-year-done-1280")


def test_the_registration_list_is_readable_on_a_phone(
    page, live_server, conference, people, users, assert_accessible
):
    log_in(page, live_server, users.organiser.username)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(f"{live_server.url}/backoffice/konference/2026/tilmeldinger/")
        expect(page.get_by_role("heading", name="Tilmeldinger", level=1)).to_be_visible()
        row = page.locator("tbody tr").filter(has_text="Zara Holm")
        fully_visible(row.locator('td[data-label="Status"]'))
        expect(row.locator('td[data-label="Sessioner"]')).to_contain_text("Psykiatri")
        no_sideways_scroll(page)
        assert_accessible(page)
        shoot(page, f"registrations-{width}")


def test_the_prize_ranking_shows_the_scores_on_a_phone(page, live_server, assert_accessible):
    prize = make_prize()
    make_nomination(prize.prize, project_title="Bevægelse for alle ældre i Hjørring")
    make_user("formand", is_superuser=True, is_staff=True)
    log_in(page, live_server, "formand")
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(f"{live_server.url}/backoffice/konference/{prize.edition.slug}/pris/")
        row = page.locator("tbody tr").filter(has_text="Bevægelse for alle ældre")
        for column in ("Score", "Uenighed (spredning / spænd)", "Bedømt af"):
            fully_visible(row.locator(f'td[data-label="{column}"]'))
        no_sideways_scroll(page)
        assert_accessible(page)
        shoot(page, f"prize-ranking-{width}")


def test_the_lockouts_page_says_whose_lockouts_an_organiser_sees(
    page, live_server, conference, users, assert_accessible
):
    for name in (users.viewer.username, "admin"):  # five wrong passwords each, just now
        AccessAttempt.objects.create(
            username=name, ip_address="203.0.113.7", user_agent="Firefox", get_data="",
            post_data="", failures_since_start=5, attempt_time=timezone.now(),
        )  # fmt: skip
    log_in(page, live_server, users.organiser.username)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(f"{live_server.url}/backoffice/konference/logins/spaerrede/")
        expect(page.get_by_text("men ikke af superbrugere")).to_be_visible()
        expect(
            page.get_by_role("button", name=f"Ophæv spærringen af {users.viewer.username}")
        ).to_be_visible()
        expect(page.get_by_role("cell", name="admin", exact=True)).to_have_count(0)
        no_sideways_scroll(page)
        assert_accessible(page)
        shoot(page, f"lockouts-{width}")
