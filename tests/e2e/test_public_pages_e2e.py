"""The public pages in a real browser: axe-core finds nothing, and the keyboard gets around."""

import pytest

from tests.e2e.screens import open_on_a_phone

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, transactional_db):
    from forsamling.demo.load import load_seed_editions

    load_seed_editions()
    return live_server.url


@pytest.mark.parametrize("path", ["/", "/arkiv/", "/tilgaengelighed/", "/2023/", "/2022/"])
def test_public_page_has_no_axe_violations(page, site, assert_accessible, path):
    """Every public page passes axe-core's WCAG 2.1 A and AA rules."""
    page.goto(site + path)
    assert_accessible(page)


def test_landing_page_on_a_phone_has_no_axe_violations(browser, site, assert_accessible):
    """The landing page works at a phone's width, without sideways scrolling."""
    context, phone = open_on_a_phone(browser, site + "/")
    assert_accessible(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    context.close()


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(page, site):
    """Tab once shows the skip link; Enter moves focus to the main content."""
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Gå til sidens indhold"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_language_can_be_switched_to_english_with_the_keyboard(page, site):
    """The language buttons in the footer switch the interface to English."""
    page.goto(site + "/")
    page.get_by_role("button", name="English").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_attribute("html", "lang") == "en"
