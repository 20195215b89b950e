"""A full edition in a real browser, on a phone and a desktop: the front page and the form
say so and what to do, a form sent after the last place went is refused with the focus on
the error and nothing typed lost; axe finds nothing and nothing scrolls sideways."""

from __future__ import annotations

import os

import pytest

from forsamling.registration.forms import NO_SESSION
from forsamling.registration.models import Registration

from .test_edition_capacity_pages import fill

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def shot(page, name: str) -> None:
    if folder := os.environ.get("FORSAMLING_SHOTS"):
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_full_edition_on_the_front_page_and_a_refused_form(
    page, live_server, edition, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/")  # the form, still with room
    fill(edition, 2)  # meanwhile the last places go

    page.fill("#id_name", "Mette Hansen")
    page.fill("#id_email", "mette@aalborg.dk")
    page.fill("#id_organisation", "Aalborg Kommune")
    page.press("#id_organisation", "Escape")
    page.check(f"input[name=category][value='{edition.official.pk}']", force=True)
    for slot in (edition.houses_slot, edition.themes_slot):
        page.check(f"input[name=slot_{slot.pk}][value='{NO_SESSION}']", force=True)
    page.check("input[name=dinner][value=nej]", force=True)
    page.fill("#id_dietary", "Vegetar")
    page.check("#id_accept_terms", force=True)
    page.click(".registration-form button[type=submit]")

    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    summary = " ".join(page.inner_text("#error-summary").split())
    assert "Konferencen blev fuldt booket, lige før du sendte formularen" in summary
    assert "Konferencen er fuldt booket" in page.inner_text("#edition-full")
    assert page.input_value("#id_name") == "Mette Hansen"
    assert page.input_value("#id_dietary") == "Vegetar"
    assert not Registration.objects.filter(email="mette@aalborg.dk").exists()
    assert no_sideways_scroll(page)
    shot(page, f"capacity-refused-form-{width}")
    assert_accessible(page)

    page.goto(f"{live_server.url}/{edition.slug}/")
    status = " ".join(page.inner_text(".edition-status").split())
    assert "Konferencen er fuldt booket" in status and "overdrage den til dig" in status
    assert page.locator(".edition-status a.button-primary").count() == 0
    assert no_sideways_scroll(page)
    shot(page, f"capacity-full-front-page-{width}")
    assert_accessible(page)
