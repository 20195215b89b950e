"""Issue 23 in a real browser: the organisers' list of a burst of registrations, and a public
form refused for the one kind of hard limit left (stands per company); axe finds nothing at
390 and 1280 px."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from forsamling.exhibitors import services
from forsamling.exhibitors.demo import load_demo_stands
from forsamling.exhibitors.models import Stand
from forsamling.registration.models import Registration, Status
from tests.backoffice.conftest import conference, register, users  # noqa: F401  (fixtures)
from tests.backoffice.test_backoffice_e2e import log_in
from tests.exhibitors.booking_form import fill_booking
from tests.exhibitors.conftest import details, make_edition

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def shot(page, name: str, width: int) -> None:
    if folder := os.environ.get("FORSAMLING_SHOTS"):
        page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_an_organiser_sees_a_burst_and_cancels_it_with_the_keyboard(
    page,
    live_server,
    conference,  # noqa: F811
    users,  # noqa: F811
    settings,
    assert_accessible,
    width,
):
    settings.FORSAMLING_BURST_THRESHOLD = 3
    for n in range(4):
        made = register(conference, f"Rådmand {n}", email=f"raadmand{n}@herning.dk")
        Registration.objects.filter(pk=made.pk).update(network="2001:db8:5:6::/64")
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, users.organiser.username)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/")
    if width == 390:
        page.get_by_text("Menu", exact=True).click()  # on a phone the menu opens first
    page.get_by_role("link", name="Mange tilmeldinger").click()
    heading = page.get_by_role("heading", name="Netværk 2001:db8:5:6::/64: 4 tilmeldinger")
    expect(heading).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("herning.dk"))).to_be_visible()
    assert_accessible(page)
    shot(page, "bursts", width)
    section = page.locator("section", has=heading)
    section.get_by_label(re.compile("Ja, afmeld disse 4 tilmeldinger")).check()
    section.get_by_role("button", name="Afmeld 4 tilmeldinger").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("4 tilmeldinger er afmeldt.")).to_be_visible()
    assert Registration.objects.filter(status=Status.CANCELLED).count() == 4


@pytest.mark.parametrize("width", [390, 1280])
def test_a_company_with_its_stands_is_told_in_danish_and_keeps_what_it_typed(
    page, live_server, transactional_db, assert_accessible, width
):
    edition = make_edition()
    load_demo_stands(edition)
    a1, a2 = Stand.objects.filter(edition=edition).order_by("number")[:2]
    services.book_stands(edition=edition, stand_ids=[a1.pk, a2.pk], details=details())
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{edition.slug}/udstillere/book/")
    free = page.locator("input[name=stands]:not([disabled])").first
    page.locator(f"label[for={free.get_attribute('id')}]").click()
    fill_booking(page, contact="Anna Ærø", email="anna@example.dk")
    page.get_by_role("button", name="Book standene").click()
    expect(page.locator("#error-summary")).to_contain_text("har allerede booket 2 stande")
    expect(page.get_by_label("Kontaktpersonens e-mail")).to_have_value("anna@example.dk")
    assert_accessible(page)
    shot(page, "stand-limit", width)
    assert Stand.objects.filter(edition=edition, exhibitor__isnull=False).count() == 2
