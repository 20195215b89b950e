"""Dietary needs and the days attended in a real browser: chosen with the keyboard, refused
in Danish when a day is missing, and counted on the organisers' kitchen list; axe finds
nothing at 390 and 1280 px."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from forsamling.registration.models import Meal, MealKind, Registration
from tests.backoffice.conftest import make_user
from tests.backoffice.test_backoffice_e2e import log_in
from tests.e2e.keyboard import tab_to
from tests.e2e.screens import assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ["SHOTS_DIR"]) if os.environ.get("SHOTS_DIR") else None


def shoot(page, name: str) -> None:
    if SHOTS is not None:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def one_day_edition(edition):
    edition.day_attendance = True
    edition.save()
    for day, kind, name in [
        (date(2026, 5, 7), MealKind.LUNCH, "Frokost dag 1"),
        (date(2026, 5, 7), MealKind.DINNER, "Middag"),
        (date(2026, 5, 8), MealKind.LUNCH, "Frokost dag 2"),
    ]:
        Meal.objects.create(edition=edition, day=day, kind=kind, name=name)
    return edition


def test_choosing_diets_and_a_day_with_the_keyboard(
    browser, live_server, one_day_edition, assert_accessible
):
    edition = one_day_edition
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/")
    page.locator("#id_name").fill("Mette Hansen")
    page.locator("#id_email").fill("mette@aalborg.dk")
    page.locator("#id_organisation").fill("Aalborg Kommune")
    page.keyboard.press("Escape")
    page.locator(f"input[name=category][value='{edition.politician.pk}']").check()
    page.locator(f"input[name=slot_{edition.houses_slot.pk}]").first.check()
    page.locator(f"input[name=slot_{edition.themes_slot.pk}]").nth(1).check()
    page.locator("input[name=dinner][value=ja]").check()
    page.get_by_label("Veganer", exact=True).check()
    page.get_by_label("Andre kosthensyn").fill("ingen rå løg")
    page.locator("label[for=id_accept_terms]").click()
    page.locator(".registration-form button[type=submit]").click()

    # No day chosen: the error says so, by the question, and nothing typed is lost.
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#id_days-error")).to_contain_text("Vælg mindst én dag.")
    expect(page.get_by_label("Veganer", exact=True)).to_be_checked()
    expect(page.get_by_label("Andre kosthensyn")).to_have_value("ingen rå løg")
    shoot(page, "registration-diets-error-390")
    assert_accessible(page)

    tab_to(page, "input[name=days][value='2026-05-08']")
    page.keyboard.press("Space")
    tab_to(page, "input[name=diets][value=sesame]")
    page.keyboard.press("Space")
    tab_to(page, ".registration-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kvittering/")
    registration = Registration.objects.get()
    assert registration.diets == ["vegan", "sesame"]
    assert registration.days == ["2026-05-08"]
    assert registration.dietary == "ingen rå løg"
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_form_and_the_kitchen_list_at_each_width(
    browser, live_server, one_day_edition, assert_accessible, width, client
):
    edition = one_day_edition
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/")
    page.get_by_label("Veganer", exact=True).scroll_into_view_if_needed()
    shoot(page, f"registration-form-{width}")
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, "test_diets_e2e")

    Registration.objects.all().delete()
    organiser = make_user("arrangoer")
    grant_role(user=organiser, edition=edition, role=Role.ORGANISER)
    log_in(page, live_server, "arrangoer")
    page.goto(f"{live_server.url}/backoffice/konference/{edition.slug}/")
    if width == 390:
        page.get_by_text("Menu", exact=True).click()  # on a phone the menu opens first
    page.get_by_role("link", name="Køkkenliste").click()
    expect(page.get_by_role("heading", name="Køkkenliste", level=1)).to_be_visible()
    expect(page.get_by_role("rowheader", name="Frokost dag 2")).to_be_visible()
    shoot(page, f"kitchen-{width}")
    assert_accessible(page)
    context.close()
