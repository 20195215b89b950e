"""An exhibitor books a stand and names its stand staff in a real browser; axe finds nothing."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from forsamling.exhibitors.demo import load_demo_stands
from forsamling.exhibitors.models import Exhibitor, StandStaff
from tests.e2e.screens import open_on_a_phone
from tests.exhibitors.booking_form import fill_booking
from tests.exhibitors.conftest import make_edition

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, transactional_db):
    edition = make_edition()
    load_demo_stands(edition)
    return f"{live_server.url}/{edition.slug}"


def test_exhibitor_books_a_stand_and_adds_stand_staff(page, site, assert_accessible):
    page.goto(site + "/udstillere/")
    assert_accessible(page)
    expect(page.get_by_role("link", name="A1 ledig")).to_be_visible()
    page.get_by_role("link", name="Book en stand").click()

    expect(page.get_by_role("heading", name="Book en stand", level=1)).to_be_visible()
    assert_accessible(page)
    page.locator("label", has_text=re.compile(r"^Stand A1$")).click()
    fill_booking(page, cvr="55133019", ean="5798009882806")  # a mistyped CVR number
    page.get_by_role("button", name="Book standene").click()

    # A mistyped CVR number: the error sits by the field, everything typed is kept.
    expect(page.locator("#id_cvr-error")).to_contain_text("CVR-nummeret skal være 8 cifre")
    expect(page.locator("#error-summary")).to_be_focused()  # listing it, with a link to it
    expect(page.get_by_label("CVR-nummer")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Organisation")).to_have_value("Ældre Sagen")
    expect(page.locator("#stand-choice-" + str(_stand_pk("A1")))).to_be_checked()
    assert_accessible(page)
    expect(page.locator("#id_accept_terms")).to_be_checked()
    page.get_by_label("CVR-nummer").fill("55133018")
    page.get_by_role("button", name="Book standene").click()

    expect(page.get_by_role("heading", name="Standbooking for Ældre Sagen")).to_be_visible()
    expect(page.get_by_text("Tak! Standen er booket.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Navn").fill("Åse Øster")
    page.get_by_label("E-mail").fill("aase@example.dk")
    page.get_by_label("Stilling").fill("Konsulent")
    page.get_by_role("button", name="Tilføj standpersonale").click()

    expect(page.get_by_text("Åse Øster er skrevet på som standpersonale")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Åse Øster"))).to_be_visible()
    assert_accessible(page)

    exhibitor = Exhibitor.objects.get()
    assert list(exhibitor.stands.values_list("number", flat=True)) == ["A1"]
    assert StandStaff.objects.get().email == "aase@example.dk"
    assert sorted(m.to[0] for m in mail.outbox) == ["aase@example.dk", "soren@example.dk"]

    page.goto(site + "/udstillere/")
    expect(page.get_by_role("heading", name="Ældre Sagen", level=3)).to_be_visible()
    expect(page.get_by_role("link", name="A1 optaget")).to_be_visible()
    assert_accessible(page)


def test_exhibitor_page_on_a_phone_has_no_axe_violations(browser, site, assert_accessible):
    context, phone = open_on_a_phone(browser, site + "/udstillere/book/")
    assert_accessible(phone)
    context.close()


def _stand_pk(number: str) -> int:
    from forsamling.exhibitors.models import Stand

    return Stand.objects.get(number=number).pk


def test_seeded_2026_exhibitor_page_with_the_demo_stands_has_no_axe_violations(
    page, live_server, assert_accessible
):
    """The 2026 forum after the fact: the map, the stands, and booking said to be closed."""
    from forsamling.demo.load import load_seed_editions

    editions = {edition.year: edition for edition, _ in load_seed_editions()}
    load_demo_stands(editions[2026])
    page.goto(f"{live_server.url}/2026/udstillere/")
    expect(page.get_by_text("Udstillertilmeldingen er lukket.")).to_be_visible()
    expect(page.get_by_role("link", name="C4 ledig")).to_be_visible()
    assert_accessible(page)


def test_the_dinner_question_on_the_staff_form_with_the_keyboard_alone(
    page, site, assert_accessible
):
    """Name, e-mail and no dinner answer: the error summary takes the focus and links to the
    question; answered with the keyboard, the member is at the dinner, and can be taken off."""
    from forsamling.exhibitors import services
    from forsamling.registration.models import Category, Registration
    from tests.exhibitors.conftest import details

    edition_slug = site.rsplit("/", 1)[1]
    from forsamling.conferences.models import Edition

    edition = Edition.objects.get(slug=edition_slug)
    Category.objects.create(edition=edition, key="standpersonale", name="Standpersonale", price=0)
    booked = services.book_stands(
        edition=edition, stand_ids=[edition.stands.get(number="B1").pk], details=details()
    )
    page.goto(site.rsplit("/", 1)[0] + booked.get_absolute_url())
    page.get_by_label("Navn").focus()
    page.keyboard.type("Åse Øster")
    page.keyboard.press("Tab")
    page.keyboard.type("aase@example.dk")
    page.keyboard.press("Tab")  # Stilling (valgfrit)
    page.keyboard.press("Tab")  # the dinner's radios: not answered
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Tilføj standpersonale")).to_be_focused()
    page.keyboard.press("Enter")

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        "Deltager personen i konferencemiddagen? Svar ja eller nej."
    )
    expect(page.get_by_label("Navn")).to_have_value("Åse Øster")
    assert_accessible(page)
    summary.get_by_role("link").press("Enter")
    page.get_by_role("radio", name="Ja").focus()
    page.keyboard.press("Space")
    expect(page.get_by_role("radio", name="Ja")).to_be_checked()
    page.get_by_role("button", name="Tilføj standpersonale").press("Enter")

    row = page.get_by_role("row", name=re.compile("Åse Øster"))
    expect(row.get_by_role("cell", name="Ja", exact=True)).to_be_visible()
    assert Registration.objects.get(email="aase@example.dk").dinner is True
    assert_accessible(page)
    button = row.get_by_role("button", name=re.compile("^Meld fra middagen"))
    expect(button).to_have_accessible_name(re.compile("Åse Øster"))
    button.press("Enter")
    expect(page.get_by_text("Åse Øster deltager ikke i konferencemiddagen.")).to_be_visible()
    assert Registration.objects.get(email="aase@example.dk").dinner is False
