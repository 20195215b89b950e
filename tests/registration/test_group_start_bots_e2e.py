"""The group booking's start form in Chromium with the proof of work on (issue 14): the widget
solves while the secretary types, with the keyboard alone, and the group starts; axe finds
nothing at 390 and 1280 px."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from forsamling.registration.models import GroupBooking
from tests.e2e.keyboard import tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_a_secretary_starts_a_group_with_the_keyboard_while_the_browser_proves_its_work(
    page, live_server, edition, altcha_on, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/gruppe/")
    expect(page.locator("altcha-widget [data-state=verified]")).to_have_count(1, timeout=30_000)
    # The widget's checkbox is drawn (DKFDS's `appearance: none` for checkboxes hid it), and
    # the button below keeps its distance.
    checkbox = page.locator("altcha-widget input[type=checkbox]")
    assert checkbox.evaluate("box => getComputedStyle(box).appearance") != "none"
    widget = page.locator(".altcha-box").bounding_box()
    button = page.get_by_role("button", name="Start gruppetilmeldingen").bounding_box()
    assert widget is not None and button is not None
    assert button["y"] >= widget["y"] + widget["height"] + 24
    tab_to(page, "#id_organisation")
    page.keyboard.type("Aalborg Kommune")
    page.keyboard.press("Escape")
    tab_to(page, "#id_secretary_name")
    page.keyboard.type("Sekretær Sørensen")
    tab_to(page, "#id_secretary_email")
    page.keyboard.type("sekretaer@aalborg.dk")
    if folder := os.environ.get("FORSAMLING_SHOTS"):
        page.screenshot(path=f"{folder}/group-start-altcha-{width}.png", full_page=True)
    assert_accessible(page)
    tab_to(page, "form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/gruppe/*/")
    assert GroupBooking.objects.get().secretary_email == "sekretaer@aalborg.dk"
