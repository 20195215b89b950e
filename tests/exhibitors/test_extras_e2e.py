"""The demo exhibitor pages on a phone (390 px) and a laptop: the stand map's labels are
readable, the booking table keeps every column, extras can be ordered, and axe finds nothing."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.demo.edition import load_demo_edition
from forsamling.exhibitors.demo import load_demo_stands
from forsamling.exhibitors.models import ExtraOrder
from tests.e2e.screens import assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("SHOTS_DIR", "")) if os.environ.get("SHOTS_DIR") else None


def shoot(page, name: str) -> None:
    if SHOTS is not None:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def demo(live_server, transactional_db):
    edition, _ = load_demo_edition(timezone.now())
    load_demo_stands(edition)
    return f"{live_server.url}/{edition.slug}"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_demo_exhibitor_pages_read_well_and_pass_axe(browser, demo, assert_accessible, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(demo + "/udstillere/")
    shoot(page, f"udstillere-{width}")
    assert_accessible(page)
    label = page.get_by_role("link", name="A1 ledig")
    size = label.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 14
    page.goto(demo + "/udstillere/book/")
    shoot(page, f"book-{width}")
    assert_accessible(page)
    # Every column of the stand table is on screen, none cut off or scrolled away.
    for cell in page.locator("#stand-" + _pk(page, "A1") + " td").all():
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert_no_sideways_scroll(page, width, "test_extras_e2e")
    context.close()


def _pk(page, number: str) -> str:
    value = page.locator("label", has_text=re.compile(rf"^Stand {number}$")).get_attribute("for")
    return (value or "").rsplit("-", 1)[1]


def test_an_exhibitor_orders_extras_and_sees_them_on_the_booking_page(
    browser, demo, assert_accessible
):
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(demo + "/udstillere/book/")
    page.locator("label", has_text=re.compile(r"^Stand A2$")).click()
    page.get_by_label(re.compile("^Strøm")).fill("5")  # more than the two allowed
    page.get_by_label(re.compile("^Ekstra bord")).fill("2")
    page.get_by_label("Organisation").fill("Ældre Sagen")
    page.get_by_label("CVR-nummer").fill("55133018")
    page.get_by_label("Kontaktperson", exact=True).fill("Søren Ærø")
    page.get_by_label("Kontaktpersonens e-mail").fill("soren@example.dk")
    page.get_by_label("Kontaktpersonens telefon").fill("33 70 30 00")
    page.get_by_label("Fakturaadresse").fill("Nørregade 49\n1165 København K")
    page.locator("label[for=id_accept_terms]").click()
    page.get_by_role("button", name="Book standene").click()

    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.get_by_text("I kan højst bestille 2.").first).to_be_visible()
    expect(page.get_by_label(re.compile("^Ekstra bord"))).to_have_value("2")
    shoot(page, "book-error-390")
    assert_accessible(page)
    page.get_by_label(re.compile("^Strøm")).fill("1")
    page.get_by_role("button", name="Book standene").click()

    expect(page.get_by_role("heading", name="Standbooking for Ældre Sagen")).to_be_visible()
    expect(page.get_by_text("Tilvalg: 2 × Ekstra bord")).to_be_visible()
    shoot(page, "booking-390")
    assert_accessible(page)
    assert sorted(ExtraOrder.objects.values_list("extra__name", "quantity")) == [
        ("Ekstra bord", 2),
        ("Strøm (230 V, 16 A)", 1),
    ]
    context.close()
