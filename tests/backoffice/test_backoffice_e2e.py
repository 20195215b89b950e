"""The organisers' pages in a real browser: log in, watch the overview, check in, make PDFs."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from forsamling.checkin.tokens import badge_code
from tests.backoffice.conftest import register
from tests.e2e.login import log_in_with_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    log_in_with_form(
        page, live_server.url, username, "correct horse battery",
        at="/backoffice/login/?next=/backoffice/konference/",
    )  # fmt: skip
    expect(page.get_by_role("heading", name="Konferencer", level=1)).to_be_visible()


def test_the_overview_updates_itself_without_reloading(
    page, live_server, conference, people, users, assert_accessible
):
    log_in(page, live_server, users.organiser.username)
    page.get_by_role("link", name=conference.edition.title).click()
    expect(page.get_by_role("heading", name="Overblik", level=1)).to_be_visible()
    expect(page.locator(".bo-figures li").first).to_contain_text("5")
    assert_accessible(page)
    register(conference, "Søren Sidst", sessions=[conference.big])
    expect(page.locator(".bo-figures li").first).to_contain_text("6", timeout=15_000)
    page.get_by_role("link", name="Embedsperson").click()
    expect(page.get_by_role("heading", name="Tilmeldinger", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Bo Andersen").click()
    expect(page.get_by_role("heading", name="Bo Andersen", level=1)).to_be_visible()
    assert_accessible(page)


def test_check_in_staff_type_the_code_and_see_the_person(
    page, live_server, conference, people, users, assert_accessible
):
    log_in(page, live_server, users.checkin.username)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/indtjekning/")
    expect(page.get_by_role("heading", name="Indtjekning", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Kode fra navneskiltet").fill(badge_code(people.aase.pk))
    page.get_by_label("Kode fra navneskiltet").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Aase Ørum")
    assert_accessible(page)
    page.get_by_label("Kode fra navneskiltet").fill(badge_code(people.aase.pk))
    page.get_by_role("button", name="Tjek ind").last.click()
    expect(page.get_by_role("alert")).to_contain_text("Allerede tjekket ind")
    page.get_by_label("Glemt navneskiltet?").fill("bøgh")
    page.get_by_role("button", name="Søg").click()
    page.get_by_role("button", name="Tjek ind: Ægir Bøgh").click()
    expect(page.get_by_role("status")).to_contain_text("Ægir Bøgh")
    assert_accessible(page)


def test_an_organiser_makes_badges_and_downloads_them(
    page, live_server, conference, people, users, assert_accessible
):
    log_in(page, live_server, users.organiser.username)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/pdf/")
    assert_accessible(page)
    page.get_by_label("Navneskilte på etiketark").check()
    page.get_by_role("button", name="Lav PDF").click()
    link = page.get_by_role("link", name="Hent PDF")
    expect(link).to_be_visible(timeout=20_000)
    expect(page.locator("progress")).to_have_attribute("value", "5")
    assert_accessible(page)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "navneskilte-2026-sheet.pdf"


def test_an_organiser_previews_a_message(
    page, live_server, conference, people, users, assert_accessible
):
    log_in(page, live_server, users.organiser.username)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/beskeder/")
    assert_accessible(page)
    page.get_by_label("Modtagere").select_option(label="Alle tilmeldte til middagen")
    page.get_by_label("Emne").fill("Middagen")
    page.get_by_label("Tekst").fill("Kære {navn}, vi ses kl. 19.")
    page.get_by_role("button", name="Vis eksempel").click()
    expect(page.get_by_text("Kære Aase Ørum, vi ses kl. 19.")).to_be_visible()
    assert_accessible(page)
