"""Lead scanning in Chromium with a fake camera showing a badge's QR code (the check-in
tests' video): a consenting visitor is stored, one without consent is not; axe-core at
390 and 1280 px; the code typed with the keyboard alone."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from forsamling.checkin.tokens import badge_code
from forsamling.exhibitors.models import Lead
from forsamling.outputs.badges import checkin_url
from tests.checkin.fake_camera import write_y4m
from tests.conftest import CHROMIUM
from tests.e2e.screens import assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
ARGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip
NO_CONSENT = "Personen har ikke givet samtykke til at dele sine oplysninger"


def scan_url(live_server, exhibitor):
    path = reverse(
        "public:exhibitor_leads",
        kwargs={"edition": exhibitor.edition.slug, "token": exhibitor.token},
    )
    return f"{live_server.url}{path}"


def shoot(page, name):
    if folder := os.environ.get("FORSAMLING_SHOTS"):
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def scan_with_camera(playwright, tmp_path, live_server, fair, visitor):
    """Opens the scan page on a phone whose camera sees the visitor's badge; returns the page
    after the scan was sent."""
    video = write_y4m(tmp_path / "badge.y4m", [checkin_url(fair.edition, visitor.pk)])
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[*ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
              f"--use-file-for-fake-video-capture={video}"],
    )  # fmt: skip
    context = browser.new_context(
        viewport=PHONE, locale="da-DK", timezone_id="Europe/Copenhagen", permissions=["camera"]
    )
    page = context.new_page()
    page.goto(scan_url(live_server, fair.exhibitor))
    page.get_by_role("button", name="Start kameraet").click()
    return browser, page


def test_the_camera_stores_a_consenting_visitor(playwright, tmp_path, live_server, fair):
    browser, page = scan_with_camera(playwright, tmp_path, live_server, fair, fair.ida)
    expect(page.get_by_text("Gemt: Ida Ærenfeldt, Aarhus Kommune.")).to_be_visible(timeout=60_000)
    assert list(Lead.objects.values_list("registration_id", flat=True)) == [fair.ida.pk]
    expect(page.get_by_role("table")).to_contain_text("Ida Ærenfeldt")
    shoot(page, "leads-scanned-390")
    browser.close()


def test_the_camera_refuses_a_visitor_without_consent(playwright, tmp_path, live_server, fair):
    browser, page = scan_with_camera(playwright, tmp_path, live_server, fair, fair.ole)
    expect(page.locator("#id_code-error")).to_contain_text(NO_CONSENT, timeout=60_000)
    expect(page.get_by_label("Kode fra navneskiltet")).to_have_attribute("aria-invalid", "true")
    assert not Lead.objects.exists()
    assert "Ole" not in page.url and badge_code(fair.ole.pk) not in page.url
    shoot(page, "leads-no-consent-390")
    browser.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_scan_page_is_accessible(page, live_server, fair, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(scan_url(live_server, fair.exhibitor))
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, "test_leads_e2e")
    shoot(page, f"leads-empty-{width}")
    page.get_by_label("Kode fra navneskiltet").fill("forkert")
    page.get_by_role("button", name="Gem lead").click()
    expect(page.locator("#id_code-error")).to_be_visible()
    assert_accessible(page)
    shoot(page, f"leads-bad-code-{width}")
    page.get_by_label("Kode fra navneskiltet").fill(badge_code(fair.ida.pk))
    page.get_by_label("Note").fill("Vil gerne have en demo")
    page.get_by_role("button", name="Gem lead").click()
    expect(page.get_by_role("table")).to_contain_text("Vil gerne have en demo")
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, "test_leads_e2e")
    shoot(page, f"leads-list-{width}")


def test_the_code_typed_with_the_keyboard_alone(page, live_server, fair):
    page.set_viewport_size(PHONE)
    page.goto(scan_url(live_server, fair.exhibitor))
    code = page.get_by_label("Kode fra navneskiltet")
    for _ in range(40):  # from the top of the page: skip link, menu, the camera button...
        page.keyboard.press("Tab")
        if code.evaluate("element => element === document.activeElement"):
            break
    expect(code).to_be_focused()
    page.keyboard.type(badge_code(fair.ida.pk))
    page.keyboard.press("Tab")
    page.keyboard.type("Mødtes ved kaffen")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Gemt: Ida Ærenfeldt, Aarhus Kommune.")).to_be_visible()
    assert Lead.objects.get().note == "Mødtes ved kaffen"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_participant_consents_on_their_private_page(
    page, live_server, fair, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    path = reverse(
        "public:registration", kwargs={"edition": fair.edition.slug, "token": fair.ole.token}
    )
    page.goto(f"{live_server.url}{path}")
    consent = page.locator("li", has_text="Udstillere:")
    expect(consent).to_contain_text("Nej.")
    consent.get_by_role("button", name="Giv samtykke").click()
    consent = page.locator("li", has_text="Udstillere:")
    expect(consent).to_contain_text("Ja, givet")
    consent.scroll_into_view_if_needed()
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, "test_leads_e2e")
    shoot(page, f"private-page-leads-consent-{width}")
