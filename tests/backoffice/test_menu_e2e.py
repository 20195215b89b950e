"""The back office's menu in a real browser: on a phone a "Menu" button that opens and closes
with the keyboard alone, with and without the script; at 1280 px every group in view. axe-core
finds nothing either way and nothing scrolls sideways. Screenshots go to $MENU_SCREENSHOTS."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import page_problems
from tests.e2e.login import log_in_with_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("MENU_SCREENSHOTS", "")
PAGES = {"overblik": "overblik/", "tilmeldinger": "tilmeldinger/"}


def shoot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png")


def open_as_organiser(page, live_server, conference, tail: str) -> None:
    """Logs the organiser in through the login form, then opens the conference's page `tail`."""
    log_in_with_form(page, live_server.url, "arrangoer", "correct horse battery")
    page.wait_for_url(f"{live_server.url}/backoffice/")
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/{tail}")


def tab_to(page, selector: str, limit: int = 30) -> int:
    """Presses Tab until the element is focused; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return presses
    raise AssertionError(f"Tab never reached {selector}")


def expanded(page) -> bool:
    """The "Menu" button's expanded state as Chromium tells assistive technology."""
    cdp = page.context.new_cdp_session(page)
    node = cdp.send("DOM.getDocument")["root"]["nodeId"]
    summary = cdp.send("DOM.querySelector", {"nodeId": node, "selector": ".bo-menu-button"})
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": summary["nodeId"]})
    properties = {p["name"]: p["value"]["value"] for p in tree["nodes"][0].get("properties", [])}
    return bool(properties["expanded"])


def outline(page) -> str:
    return page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle + ' ' + s.outlineWidth; })()"
    )


@pytest.mark.parametrize("name", list(PAGES))
def test_on_a_phone_the_menu_opens_and_closes_with_the_keyboard(
    page, live_server, conference, people, users, name
):
    page.set_viewport_size({"width": 390, "height": 844})
    open_as_organiser(page, live_server, conference, PAGES[name])
    button = page.get_by_text("Menu", exact=True)
    expect(button).to_be_visible()
    expect(page.get_by_role("link", name="Tilmeldinger", exact=True)).to_be_hidden()
    # The page's heading is on the first screen, not below the links.
    assert page.locator("h1").bounding_box()["y"] < 300
    problems = page_problems(page, f"{name} closed", 390)

    tab_to(page, ".bo-menu-button")
    assert outline(page) == "solid 3px"
    assert expanded(page) is False
    shoot(page, f"{name}-390-closed-focus")
    page.keyboard.press("Enter")
    assert expanded(page) is True
    current = page.locator('.bo-nav a[aria-current="page"]')
    expect(current).to_have_count(1)
    expect(current).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Overblik"
    assert outline(page) == "solid 3px"
    shoot(page, f"{name}-390-open-focus")
    problems += page_problems(page, f"{name} open", 390)

    page.keyboard.press("Escape")
    assert expanded(page) is False
    assert page.evaluate("document.activeElement.matches('.bo-menu-button')")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", list(PAGES))
def test_at_1280_px_every_group_shows_without_a_button(
    page, live_server, conference, people, users, name
):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_as_organiser(page, live_server, conference, PAGES[name])
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()
    links = page.locator(".bo-nav a")
    expect(links).to_have_count(22)
    for index in range(22):
        expect(links.nth(index)).to_be_visible()
    tab_to(page, '.bo-nav a[href$="/tilmeldinger/"]')
    assert outline(page) == "solid 3px"
    shoot(page, f"{name}-1280-focus")
    problems = page_problems(page, name, 1280)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [390, 1280])
def test_without_javascript_the_menu_still_works(browser, live_server, conference, users, width):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="da-DK", java_script_enabled=False
    )
    page = context.new_page()
    open_as_organiser(page, live_server, conference, "overblik/")
    first = page.get_by_role("link", name="Overblik", exact=True)
    if width == 390:
        expect(first).to_be_hidden()
        tab_to(page, ".bo-menu-button")
        page.keyboard.press("Enter")
    expect(first).to_be_visible()
    expect(page.get_by_role("link", name="Kopiér til næste år")).to_be_visible()
    shoot(page, f"overblik-{width}-no-js")
    context.close()
