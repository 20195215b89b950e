"""The prize in a real browser: nominating with the keyboard alone, and axe on every page."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.keyboard import tab_until, type_into
from tests.e2e.login import log_in_with_form
from tests.e2e.screens import check_page
from tests.factories import edition_organiser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "forum-demo-2026"


@pytest.fixture
def site(live_server: Any, transactional_db: None) -> Any:
    from forsamling.conferences.models import Edition
    from forsamling.demo.edition import load_demo_edition
    from forsamling.demo.load import load_seed_editions
    from forsamling.demo.prize import load_decided_prize, load_demo_prize

    load_seed_editions()
    demo, _ = load_demo_edition(timezone.now())
    load_demo_prize(demo, timezone.now(), PASSWORD)
    load_decided_prize(Edition.objects.get(slug="2023"), timezone.now())
    edition_organiser(demo, "arrangoer", PASSWORD)
    return live_server


def test_nominate_with_the_keyboard_alone(page: Any, site: Any) -> None:
    from forsamling.prizes.models import Nomination, NominationState

    page.goto(site.url + "/demo/forebyggelsespris/")
    tab_until(page, "a[href$='/forebyggelsespris/indstil/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Indstil et projekt", level=1)).to_be_visible()
    tab_until(page, "#id_municipality")
    page.keyboard.type("Skive")
    tab_until(page, "#id_nominator_municipality")
    page.keyboard.type("Skive")
    type_into(page, "#id_project_title", "Trivsel i fritidslivet")
    type_into(page, "#id_description", "Fritidspas til børn, der ikke går til noget.")
    type_into(page, "#id_results", "300 børn er startet til en fritidsaktivitet.")
    type_into(page, "#id_contact_name", "Anne Skov")
    type_into(page, "#id_contact_email", "anne.skov@skive")  # wrong on purpose
    tab_until(page, "#id_publish_consent")
    page.keyboard.press("Space")
    tab_until(page, "button[value='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The error summary has the focus; everything typed is still there, the draft is saved.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    expect(page.locator("#error-summary")).to_contain_text("Skriv en gyldig e-mailadresse")
    expect(page.locator("#id_project_title")).to_have_value("Trivsel i fritidslivet")
    expect(page.locator("#id_municipality")).to_have_value("Skive")
    assert page.locator("#id_contact_email").get_attribute("aria-invalid") == "true"
    type_into(page, "#id_contact_email", "anne.skov@skive.dk")
    tab_until(page, "button[value='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("Indstillingen er indsendt")
    nomination = Nomination.objects.get(project_title="Trivsel i fritidslivet")
    assert nomination.state == NominationState.SUBMITTED
    assert nomination.publish_consent
    assert page.url.endswith(nomination.get_absolute_url())


def public_pages() -> list[str]:
    from forsamling.prizes.models import Prize

    decided = Prize.objects.get(edition__slug="2023")
    demo = Prize.objects.get(edition__slug="demo")
    return [
        "/demo/forebyggelsespris/",
        "/demo/forebyggelsespris/indstil/",
        demo.nominations.first().get_absolute_url(),  # type: ignore[union-attr]
        "/2023/forebyggelsespris/",
        f"/2023/forebyggelsespris/projekt/{decided.winner_id}/",
        "/2023/forebyggelsespris/inspiration/",
        "/2023/program/",
    ]


def backoffice_pages() -> list[tuple[str, str]]:
    from forsamling.prizes.models import Prize

    demo = Prize.objects.get(edition__slug="demo")
    first = demo.nominations.order_by("pk").first()
    assert first is not None
    return [
        ("jury-formand", "/backoffice/konference/demo/pris/jury/"),
        ("jury-formand", f"/backoffice/konference/demo/pris/jury/{first.pk}/"),
        ("jury-medlem", f"/backoffice/konference/demo/pris/jury/{first.pk}/"),
        ("jury-medlem", f"/backoffice/konference/demo/pris/jury/{first.pk + 1}/"),
        ("jury-formand", "/backoffice/konference/demo/pris/"),
        ("arrangoer", "/backoffice/konference/demo/pris/"),
    ]


@pytest.mark.parametrize("width", [390, 1280])
def test_every_prize_page_passes_axe(
    browser: Any, site: Any, assert_accessible: Any, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    for index, path in enumerate(public_pages()):
        page.goto(site.url + path)
        check_page(page, width, f"public-{index}", assert_accessible)
    page.goto(site.url + "/demo/forebyggelsespris/indstil/")
    page.fill("#id_contact_email", "forkert")
    page.get_by_role("button", name="Indsend indstillingen").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check_page(page, width, "public-errors", assert_accessible)
    user = ""
    for username, path in backoffice_pages():
        if username != user:
            context.clear_cookies()
            at = f"/backoffice/login/?next={path}"
            log_in_with_form(page, site.url, username, PASSWORD, at=at)
            user = username
        page.goto(site.url + path)
        check_page(
            page, width, f"bo-{username}-{path.strip('/').replace('/', '-')}", assert_accessible
        )
    context.close()
