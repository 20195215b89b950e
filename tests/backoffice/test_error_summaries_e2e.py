"""The back office's forms sent empty, as a screen-reader user meets them: an error summary
that names every field in error, with the focus moved to it (as on the public forms)."""

from __future__ import annotations

import os

import pytest
from django.test import Client
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def logged_in(browser, live_server, user, width):
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="da-DK", timezone_id="Europe/Copenhagen"
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value,
          "url": live_server.url}]
    )  # fmt: skip
    return context


def shot(page, name):
    folder = os.environ.get("FORSAMLING_SHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def check_summary(page, fields):
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text("Der er fejl i formularen")
    for label in fields:
        link = summary.get_by_role("link", name=label)
        expect(link).to_have_count(1)
        target = link.get_attribute("href")
        assert target and page.locator(target).count() == 1, target
    assert page.title().startswith("Fejl:")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_new_preference_round_sent_empty_shows_a_summary_and_moves_the_focus(
    browser, live_server, conference, users, assert_accessible, width
):
    context = logged_in(browser, live_server, users.organiser, width)
    page = context.new_page()
    page.goto(f"{live_server.url}/backoffice/praeferencer/")
    page.get_by_role("button", name="Opret runden").click()
    check_summary(page, ["Udgave", "Titel", "Åbner", "Lukker"])
    shot(page, f"round-errors-{width}")
    assert_accessible(page)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_new_message_sent_empty_shows_a_summary_and_moves_the_focus(
    browser, live_server, conference, users, assert_accessible, width
):
    context = logged_in(browser, live_server, users.organiser, width)
    page = context.new_page()
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/beskeder/")
    page.get_by_role("button", name="Vis eksempel").click()
    check_summary(page, ["Emne", "Tekst"])
    shot(page, f"message-errors-{width}")
    assert_accessible(page)
    context.close()
