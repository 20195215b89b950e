"""The Content-Security-Policy in a real browser: the main pages load with no violation, and
what used to be inline (DKFDS's start, the countdown, the category filter, the stand map, the
back office's chart and the TOTP QR code) still works."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.exhibitors.demo import load_demo_stands
from tests.backoffice.conftest import register
from tests.e2e.forms import fill_in_registration
from tests.e2e.login import submit_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile
                           + ":" + e.lineNumber);
});
"""


@pytest.fixture
def watched(page):
    """The page, recording every CSP violation and every console message about one."""
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(RECORD)

    def check(path: str) -> None:
        violations = page.evaluate("window.__violations")
        assert not violations, (path, violations)
        assert not console, (path, console)

    page.check_csp = check
    return page


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.check_csp(url)


def test_public_pages_load_without_a_policy_violation(watched, live_server, conference, people):
    """Landing page, programme, registration form, private link, exhibitors with the map."""
    page, base = watched, live_server.url
    edition = conference.edition
    load_demo_stands(edition)
    person = register(conference, "Sofie Holm")
    for path in ["/", "/arkiv/", "/2026/", "/2026/program/", "/2026/tilmelding/send-link/",
                 f"/2026/tilmelding/{person.token}/", "/2026/tilmelding/gruppe/"]:  # fmt: skip
        visit(page, base + path)
    visit(page, base + "/2026/udstillere/")
    marker = page.locator(".stand-marker").first
    assert "stand-marker--placed" in (marker.get_attribute("class") or "")
    assert marker.evaluate("m => m.style.left").endswith("%")
    # The registration form: DKFDS starts, and the category filter disables what it must.
    visit(page, base + "/2026/tilmelding/")
    page.get_by_label("Embedsperson").check()
    page.check_csp("registration form after a choice")
    # A failed submit focuses the error summary (once an inline script).
    page.get_by_role("button", name="Tilmeld").click()
    expect(page.locator("#error-summary")).to_be_focused()
    page.check_csp("registration form after an error")


def test_the_countdown_runs_from_a_static_file(watched, live_server, conference):
    edition = conference.edition
    edition.registration_opens_at = timezone.now() + timedelta(days=2, hours=3)
    edition.save()
    visit(watched, live_server.url + "/2026/tilmelding/")
    expect(watched.locator("#countdown")).to_contain_text("Åbner om 2 dage")


def test_back_office_pages_load_without_a_policy_violation(
    watched, live_server, conference, people, users
):
    """The overview's SVG chart, lists, the admin's change list and form, the TOTP QR code."""
    page, base = watched, live_server.url
    page.goto(f"{base}/backoffice/login/?next=/backoffice/konference/")
    page.check_csp("login")
    submit_login(page, "super", "pw-super-1")
    expect(page.get_by_role("heading", name="Konferencer", level=1)).to_be_visible()
    page.check_csp("editions")
    visit(page, base + "/backoffice/konference/2026/overblik/")
    expect(page.locator("svg[role=img] path").first).to_be_visible()
    for path in [
        "/backoffice/",
        "/backoffice/konference/2026/tilmeldinger/",
        f"/backoffice/konference/2026/tilmeldinger/{people.bo.pk}/",
        "/backoffice/konference/2026/pdf/",
        "/backoffice/konference/2026/beskeder/",
        "/backoffice/registration/registration/",
        f"/backoffice/registration/registration/{people.bo.pk}/change/",
        "/backoffice/programme/item/",
        "/backoffice/programme/item/add/",
        "/backoffice/conferences/edition/",
        "/backoffice/auth/user/add/",
    ]:
        visit(page, base + path)
    visit(page, base + "/backoffice/konference/totp/")
    qr = page.locator("svg.segno")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] > 100


def register_sofie(page, conference):
    """Fills in the registration form for an official from Aalborg in the big session and
    sends it."""
    fill_in_registration(page, conference)
    page.get_by_role("button", name="Tilmeld mig").click()


def test_the_proof_of_work_is_solved_while_the_form_is_filled_in(
    watched, live_server, conference, altcha_on
):
    """The widget (our static files, its worker too) solves on load with no CSP violation;
    the person just fills in the form and is registered. The first challenge came with the
    page: the browser asked the challenge URL only for the one priced for the typed domain."""
    from forsamling.registration.models import Registration

    page = watched
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    visit(page, live_server.url + "/2026/tilmelding/")
    expect(page.locator("altcha-widget input[name=altcha]")).to_have_count(1, timeout=20_000)
    expect(page.locator("altcha-widget [data-state=verified]")).to_have_count(1, timeout=30_000)
    # Once solved, the page's challenge is dropped: a later one comes from the URL.
    expect(page.locator("altcha-widget[challengejson]")).to_have_count(0)
    assert not [url for url in asked if "/altcha/udfordring/" in url]
    register_sofie(page, conference)
    page.wait_for_url("**/kvittering/")
    page.check_csp("after registering")
    assert Registration.objects.filter(email="sofie@aalborg.dk").exists()
    fetched = [url for url in asked if "/altcha/udfordring/" in url]
    assert len(fetched) == 1 and "domain=aalborg.dk" in fetched[0], fetched


def test_without_javascript_the_form_says_so_in_danish(browser, live_server, conference, altcha_on):
    from forsamling.registration.models import Registration

    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    page.goto(live_server.url + "/2026/tilmelding/")
    # A <noscript> notice (Playwright's switch does not make Chromium render <noscript>, so
    # the markup is checked; the server's answer below is what matters).
    assert "Slå JavaScript til for at sende formularen" in page.content()
    register_sofie(page, conference)
    expect(page.locator("#error-summary")).to_contain_text("JavaScript er slået til")
    assert page.get_by_label("E-mail", exact=True).input_value() == "sofie@aalborg.dk"
    assert not Registration.objects.exists()
    context.close()


def test_the_challenge_is_priced_for_the_e_mail_domain_as_it_is_typed(
    watched, live_server, conference, altcha_on
):
    """The form's script fetches a challenge priced for the domain typed (issue 23): a
    municipality's 151st registration goes through at the first click; without the script's
    domain the server would ask the browser to work once more."""
    from forsamling.core import abuse
    from forsamling.registration.models import Registration

    for _ in range(150):
        abuse.hit([abuse.domain_key("register", "herning.dk")], seconds=600)
    page = watched
    visit(page, live_server.url + "/2026/tilmelding/")
    expect(page.locator("altcha-widget [data-state=verified]")).to_have_count(1, timeout=30_000)
    page.get_by_label("Navn", exact=True).fill("Sofie Holm")
    with page.expect_response(lambda r: "domain=herning.dk" in r.url) as priced:
        page.get_by_label("E-mail", exact=True).fill("sofie@herning.dk")
        page.get_by_label("E-mail", exact=True).press("Tab")
    assert priced.value.json()["maxNumber"] == 10 * 50_000
    page.get_by_label("Organisation", exact=True).fill("Herning Kommune")
    page.get_by_label("Embedsperson").check()
    page.locator("input[name=dinner][value=nej]").check()
    page.locator(f"input[name^=slot_][value='{conference.big.pk}']").check()
    page.locator("input[name=accept_terms]").check()
    expect(page.locator("altcha-widget [data-state=verified]")).to_have_count(1, timeout=60_000)
    page.get_by_role("button", name="Tilmeld mig").click()
    page.wait_for_url("**/kvittering/")
    page.check_csp("after registering with a priced challenge")
    assert Registration.objects.filter(email="sofie@herning.dk").exists()
