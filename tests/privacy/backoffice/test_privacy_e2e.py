"""The privacy pages in a real browser at a phone's and a desktop's width: axe-core finds
nothing, nothing scrolls sideways, the keyboard alone withdraws a consent and erases."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.privacy.models import PrivacySettings
from tests.backoffice.test_backoffice_e2e import log_in
from tests.e2e.screens import assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("PRIVACY_SCREENSHOTS", "/tmp/privacy-shots"))


def look(page, name, width, assert_accessible):
    """axe-core, no sideways scrolling, and a screenshot to look at."""
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, name)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_participants_privacy_pages(
    browser, live_server, conference, people, width, assert_accessible
):
    edition = conference.edition
    PrivacySettings.objects.create(edition=edition, asks_photo_consent=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    site = live_server.url
    own = f"{site}/{edition.slug}/tilmelding/{people.aase.token}/"

    page.goto(f"{site}/{edition.slug}/privatliv/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sådan behandler vi dine personoplysninger"
    )
    look(page, "notice", width, assert_accessible)

    page.goto(f"{site}/{edition.slug}/tilmelding/")  # the notice beside the submit button
    page.get_by_role(
        "link", name="hvordan vi behandler dine personoplysninger"
    ).scroll_into_view_if_needed()
    look(page, "registration-form", width, assert_accessible)

    page.goto(own)
    section = page.locator("#privacy-heading")
    section.scroll_into_view_if_needed()
    look(page, "private-page", width, assert_accessible)
    # Withdraw the participant-list consent with the keyboard alone.
    page.get_by_role("button", name="Træk samtykket tilbage (Deltagerlisten)").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Giv samtykke (Deltagerlisten)")).to_be_visible()

    page.goto(own + "mine-oplysninger/")
    expect(page.get_by_text(people.aase.email).first).to_be_visible()
    look(page, "my-data", width, assert_accessible)

    # Before the conference: the erasure cancels, and says the fee first.
    edition.start_date = timezone.localdate() + timedelta(days=20)
    edition.end_date = edition.start_date + timedelta(days=1)
    edition.cancellation_deadline = timezone.now() - timedelta(days=1)
    edition.save()
    page.goto(own + "slet/")
    expect(page.get_by_role("status")).to_contain_text("3.995 kr.")
    look(page, "erase-before", width, assert_accessible)

    # After the conference: anonymised at once; done with the keyboard.
    edition.start_date = timezone.localdate() - timedelta(days=2)
    edition.end_date = timezone.localdate() - timedelta(days=1)
    edition.save()
    page.goto(own + "slet/")
    look(page, "erase-after", width, assert_accessible)
    page.get_by_role("button", name="Ja, slet mine oplysninger").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Din anmodning om sletning er modtaget"
    )
    look(page, "erased", width, assert_accessible)
    assert page.goto(own).status == 404
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_organisers_privacy_pages(
    browser, live_server, conference, people, users, width, assert_accessible
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    log_in(page, live_server, users.organiser.username)
    base = f"{live_server.url}/backoffice/konference/{conference.edition.slug}/persondata/"
    page.goto(
        f"{live_server.url}/{conference.edition.slug}/tilmelding/{people.bo.token}/mine-oplysninger/"
    )
    page.goto(base)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Persondata: fortegnelse over behandlingen"
    )
    look(page, "bo-record", width, assert_accessible)
    page.get_by_role("link", name="Ret frister og privatlivspolitik").click()
    look(page, "bo-settings", width, assert_accessible)
    # Wrongly on purpose: invoices kept for 2 years; what was typed stays.
    page.get_by_label("fakturalinjer gemmes, år efter fakturaåret").fill("2")
    page.get_by_role("textbox", name="Samtykke til fotos").fill("Mine egne ord om fotos")
    page.get_by_role("button", name="Gem og offentliggør").click()
    expect(
        page.get_by_role("link", name="Fakturalinjer gemmes, år efter fakturaåret: Bogføringsloven")
    ).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "errors"  # focus on the summary
    photos = page.get_by_role("textbox", name="Samtykke til fotos")
    expect(photos).to_have_value("Mine egne ord om fotos")
    look(page, "bo-settings-error", width, assert_accessible)
    page.get_by_label("fakturalinjer gemmes, år efter fakturaåret").fill("5")
    page.get_by_role("button", name="Gem og offentliggør").click()
    expect(page.get_by_text("Version 1 er offentliggjort.")).to_be_visible()
    page.goto(base + "anmodninger/")
    expect(page.get_by_role("cell", name=f"#{people.bo.pk}")).to_be_visible()
    look(page, "bo-requests", width, assert_accessible)
    page.goto(
        f"{live_server.url}/backoffice/konference/{conference.edition.slug}/tilmeldinger/{people.zara.pk}/"
    )
    page.get_by_role("link", name="Slet på personens anmodning").click()
    look(page, "bo-erase-for", width, assert_accessible)
    context.close()
