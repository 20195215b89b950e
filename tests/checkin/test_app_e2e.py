"""The check-in app on phones in Chromium: offline scanning from a fake camera, two devices
with the same badge, and axe-core on its screens at 390 px."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from forsamling.checkin.models import CheckIn, CheckInEvent
from forsamling.checkin.tokens import badge_code
from forsamling.outputs.badges import checkin_url
from tests.backoffice.conftest import register
from tests.checkin.fake_camera import write_y4m
from tests.conftest import CHROMIUM
from tests.e2e.login import logged_in
from tests.e2e.screens import assert_no_sideways_scroll, shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
ARGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


@pytest.fixture
def crowd(conference, people):
    """Twenty more participants, to scan."""
    return [
        register(conference, f"Deltager {i:02d} Sørensen", organisation=f"Kommune {i}")
        for i in range(20)
    ]


@pytest.fixture
def camera_browser(playwright, tmp_path, conference, crowd):
    video = write_y4m(
        tmp_path / "badges.y4m", [checkin_url(conference.edition, r.pk) for r in crowd]
    )
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[*ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
              f"--use-file-for-fake-video-capture={video}"],
    )  # fmt: skip
    yield browser
    browser.close()


def phone(browser, live_server, user):
    return logged_in(browser, live_server, user, viewport=PHONE, permissions=["camera"])


def phone_page(browser, live_server, user, width):
    """A page on a phone logged in as `user`, `width` pixels wide; and its context."""
    context = phone(browser, live_server, user)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    return context, page


def open_app(context, live_server, conference, device):
    page = context.new_page()
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/tjekind/")
    page.get_by_label("Navn på telefonen eller døren").fill(device)
    page.get_by_role("button", name="Gem navnet").click()
    expect(page.locator("#ci-refreshed")).to_contain_text("personer")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    return page


def pending(page):
    return page.locator("#ci-pending")


def back_online(context, page):
    """The network is back: whatever the app kept on the phone is sent."""
    context.set_offline(False)
    expect(pending(page)).to_have_attribute("data-count", "0", timeout=30_000)


def scan(page, code):
    """Types a badge's code into the app and presses Enter, as a hand scanner does."""
    page.get_by_label("Kode fra navneskiltet").fill(code)
    page.get_by_label("Kode fra navneskiltet").press("Enter")


def fill_walk_in(page, conference):
    """The walk-in form but for the name: an official from Hjørring, in the big session, not
    to dinner, the terms accepted."""
    page.get_by_label("E-mail").fill("walther@example.dk")
    page.get_by_label("Organisation", exact=True).fill("Hjørring Kommune")
    page.get_by_label("Embedsperson", exact=False).check()
    page.locator(
        f"input[name='slot_{conference.big.slot_id}'][value='{conference.big.pk}']"
    ).check()
    page.locator("input[name='dinner'][value='nej']").check()
    page.get_by_label("Jeg accepterer betingelserne", exact=False).check()


def test_twenty_badges_scanned_offline_arrive_once_when_the_network_is_back(
    camera_browser, live_server, conference, crowd, users
):
    context = phone(camera_browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    context.set_offline(True)
    page.get_by_role("button", name="Start kameraet").click()
    expect(page.locator("#ci-net")).to_have_text("Offline: scanninger gemmes på telefonen")
    expect(pending(page)).to_have_attribute("data-count", "20", timeout=90_000)
    assert CheckIn.objects.count() == 0
    page.get_by_role("button", name="Stop kameraet").click()
    # Closed and opened again without network: the shell comes from the service worker,
    # the scans from IndexedDB.
    page.close()
    page = context.new_page()
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/tjekind/")
    expect(pending(page)).to_have_attribute("data-count", "20")
    back_online(context, page)
    assert set(CheckIn.objects.values_list("registration_id", flat=True)) == {r.pk for r in crowd}
    assert CheckInEvent.objects.count() == 20
    assert set(CheckIn.objects.values_list("device", flat=True)) == {"Indgang A"}
    context.close()


def test_two_phones_offline_with_the_same_badge_count_once_and_the_second_is_told(
    browser, live_server, conference, people, users
):
    code = badge_code(people.zara.pk)
    a = phone(browser, live_server, users.checkin)
    b = phone(browser, live_server, users.organiser)
    page_a = open_app(a, live_server, conference, "Indgang A")
    page_b = open_app(b, live_server, conference, "Indgang B")
    a.set_offline(True)
    b.set_offline(True)
    for page in (page_a, page_b):
        scan(page, code)
        expect(page.get_by_role("status")).to_contain_text("Zara Holm")
        expect(page.get_by_role("status")).to_contain_text("Tjekket ind.")
        expect(pending(page)).to_have_attribute("data-count", "1")
    back_online(a, page_a)
    back_online(b, page_b)
    checkin = CheckIn.objects.get()
    assert checkin.device == "Indgang A"
    clock = checkin.at.astimezone(ZoneInfo("Europe/Copenhagen")).strftime("%H.%M")
    expect(page_b.get_by_role("status")).to_contain_text(
        f"Allerede tjekket ind kl. {clock} (Indgang A)"
    )
    assert CheckInEvent.objects.count() == 2
    a.close()
    b.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_app_screens_pass_axe_and_never_scroll_sideways(
    browser, live_server, conference, people, users, assert_accessible, width
):
    context, page = phone_page(browser, live_server, users.checkin, width)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/tjekind/")
    page.get_by_role("button", name="Gem navnet").click()  # nothing typed: an error
    expect(page.get_by_label("Navn på telefonen eller døren")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(page.get_by_label("Navn på telefonen eller døren")).to_be_focused()
    shot(page, f"app-device-error-{width}")
    assert_accessible(page)
    page.keyboard.type("Indgang A")
    page.keyboard.press("Enter")
    expect(page.locator("#ci-refreshed")).to_contain_text("personer")
    scan(page, "noget forkert")
    expect(page.get_by_label("Kode fra navneskiltet")).to_have_attribute("aria-invalid", "true")
    scan(page, badge_code(people.aase.pk))
    expect(page.get_by_role("status")).to_contain_text("Aase Ørum")
    shot(page, f"app-checked-in-{width}")
    assert_accessible(page)
    page.get_by_label("Søg på navn eller organisation").fill("aabenraa")
    expect(page.locator("#ci-search-count")).to_have_text("2 fundet")
    names = page.locator(".ci-match strong").all_text_contents()
    assert names == ["Zara Holm", "Aase Ørum"]  # "Aa" is å: last
    page.get_by_label("Søg på navn eller organisation").fill("Åse")
    expect(page.locator(".ci-match strong")).to_have_text(["Aase Ørum"])
    page.get_by_label("Søg på navn eller organisation").fill("ærø")
    page.get_by_role("button", name="Ægir Bøgh").click()
    expect(page.get_by_role("status")).to_contain_text("Ægir Bøgh")
    shot(page, f"app-search-{width}")
    assert_accessible(page)
    page.get_by_label("Dør", exact=True).select_option(str(conference.small.pk))
    scan(page, badge_code(people.zara.pk))
    expect(page.get_by_role("status")).to_contain_text("Ikke tilmeldt denne session.")
    expect(page.locator("#ci-count")).to_contain_text("1 af 2 pladser er brugt")
    shot(page, f"app-session-door-{width}")
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, "test_app_e2e")
    expect(pending(page)).to_have_attribute("data-count", "0", timeout=20_000)
    assert CheckIn.objects.count() == 2
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_walk_in_badge_and_arrivals_pages_pass_axe(
    browser, live_server, conference, people, users, assert_accessible, width
):
    context, page = phone_page(browser, live_server, users.organiser, width)
    base = f"{live_server.url}/backoffice/konference/{conference.edition.slug}"
    page.goto(f"{base}/tjekind/ny/")
    page.get_by_label("Navn", exact=True).fill("Walther Walk-In")
    page.get_by_role("button", name="Tilmeld og tjek ind").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.get_by_label("Navn", exact=True)).to_have_value("Walther Walk-In")
    shot(page, f"walk-in-errors-{width}")
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, "test_app_e2e")
    fill_walk_in(page, conference)
    page.get_by_role("button", name="Tilmeld og tjek ind").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Navneskilt: Walther Walk-In")
    shot(page, f"walk-in-badge-{width}")
    assert_accessible(page)
    page.goto(f"{base}/ankomster/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ankomster")
    shot(page, f"arrivals-{width}")
    assert_accessible(page)
    context.close()


def test_warnings_come_offline_too(browser, live_server, conference, people, users):
    from forsamling.registration.services import cancel_registration

    waiter = register(conference, "Vera Venter", sessions=[conference.small])
    cancel_registration(registration=people.oline)
    context = phone(browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    context.set_offline(True)
    status = page.get_by_role("status")
    scan(page, badge_code(people.oline.pk))
    expect(status).to_contain_text("Tilmeldingen er afmeldt")
    scan(page, f"{people.zara.pk}-0000000000000000")
    expect(status).to_contain_text("Ukendt navneskilt")
    scan(page, badge_code(waiter.pk))
    expect(status).to_contain_text("Står kun på venteliste til en session.")
    scan(page, badge_code(waiter.pk))
    expect(status).to_contain_text("Allerede tjekket ind kl.")
    expect(status).to_contain_text("(Indgang A)")
    expect(pending(page)).to_have_attribute("data-count", "2")  # the unknown badge is refused
    shot(page, "app-offline-390")
    back_online(context, page)
    assert list(CheckIn.objects.values_list("registration__name", flat=True)) == ["Vera Venter"]
    context.close()


def test_the_app_scans_under_a_strict_content_security_policy(
    camera_browser, live_server, conference, crowd, users
):
    """No inline script or style, the WebAssembly from our own static files: the page works
    with the policy this wave enforces (plus 'wasm-unsafe-eval' for ZXing; without it the
    camera finds nothing)."""
    context = phone(camera_browser, live_server, users.checkin)
    page = context.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    base = f"{live_server.url}/backoffice/konference/{conference.edition.slug}/"
    response = page.goto(f"{base}tjekind/")
    policy = response.headers["content-security-policy"]
    assert "'wasm-unsafe-eval'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy
    # Only the app's own pages may compile WebAssembly.
    other = page.request.get(f"{base}ankomster/").headers["content-security-policy"]
    assert "wasm-unsafe-eval" not in other
    page.get_by_label("Navn på telefonen eller døren").fill("Indgang C")
    page.get_by_role("button", name="Gem navnet").click()
    expect(page.locator("#ci-refreshed")).to_contain_text("personer")
    page.get_by_role("button", name="Start kameraet").click()
    expect(page.get_by_role("status")).to_contain_text("Sørensen", timeout=30_000)
    assert violations == []
    context.close()


def test_the_browser_fetches_the_manifest_with_the_session(
    browser, live_server, conference, people, users
):
    """The manifest is behind the login: Chromium's own manifest fetcher (asked through the
    DevTools protocol, as installing does) must send the session cookie, which the link's
    crossorigin="use-credentials" makes it do; without it the answer is the login page."""
    context = phone(browser, live_server, users.checkin)
    manifests = []
    context.on(
        "response",
        lambda r: manifests.append(r) if r.request.resource_type == "manifest" else None,
    )
    page = open_app(context, live_server, conference, "Indgang A")
    fetched = context.new_cdp_session(page).send("Page.getAppManifest")
    slug = conference.edition.slug
    url = f"{live_server.url}/backoffice/konference/{slug}/tjekind/manifest.webmanifest"
    assert fetched["url"] == url
    assert fetched["errors"] == []
    assert json.loads(fetched["data"])["short_name"] == "Indtjekning"

    for _ in range(50):  # the response event may come a moment after the protocol's answer
        if manifests:
            break
        page.wait_for_timeout(100)
    [response] = [r for r in manifests if r.url == url]
    assert response.status == 200
    assert response.headers["content-type"] == "application/manifest+json"
    assert "sessionid=" in response.request.all_headers().get("cookie", "")
    assert response.json()["start_url"].endswith("/tjekind/")

    # The control: without the session the same address is not the manifest.
    stranger = browser.new_context()
    assert stranger.request.get(url, max_redirects=0).status in {302, 403}
    stranger.close()
    context.close()
