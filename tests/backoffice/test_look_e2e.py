"""Every kind of back-office page in a real browser, at 390 px and 1280 px: axe-core finds
no WCAG 2.1 A/AA violation, and nothing scrolls sideways. Screenshots go to
$BACKOFFICE_SCREENSHOTS when it is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from forsamling.programme.models import Item
from tests.backoffice.test_access_rule import world  # noqa: F401 (the walk's fixture)
from tests.conftest import axe_violations, format_violations
from tests.e2e.login import log_in_with_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
WIDTHS = (390, 1280)
SHOTS = os.environ.get("BACKOFFICE_SCREENSHOTS", "")


def page_types(world) -> dict[str, str]:  # noqa: F811
    edition = world.edition
    office = f"/backoffice/konference/{edition.slug}"
    item = Item.objects.filter(edition=edition).first()
    registration = world.registration.pk
    return {
        "index": "/backoffice/",
        "editions": "/backoffice/konference/",
        "overview": f"{office}/overblik/",
        "registrations": f"{office}/tilmeldinger/",
        "registration": f"{office}/tilmeldinger/{world.registration.pk}/",
        "outputs": f"{office}/pdf/",
        "job": f"{office}/pdf/{world.job.pk}/",
        "messages": f"{office}/beskeder/",
        "mailing": f"{office}/beskeder/{world.mailing.pk}/",
        "checkin": f"{office}/indtjekning/",
        "rounds": "/backoffice/praeferencer/",
        "round": f"/backoffice/praeferencer/{world.round.pk}/",
        "registration-list": "/backoffice/registration/registration/",
        "registration-form": f"/backoffice/registration/registration/{registration}/change/",
        "items": "/backoffice/programme/item/",
        "item-form": f"/backoffice/programme/item/{item.pk}/change/",
        "session-add": "/backoffice/programme/session/add/",
        "edition-form": f"/backoffice/conferences/edition/{edition.pk}/change/",
        "stands": "/backoffice/exhibitors/stand/",
        "stand-map": "/backoffice/exhibitors/stand/kort/",
        "publish": f"/backoffice/programme/programmeversion/offentliggoer/?edition={edition.pk}",
        "audit": "/backoffice/registration/auditentry/",
        "roles": "/backoffice/accounts/editionrole/",
        "users": "/backoffice/auth/user/",
        "app": "/backoffice/programme/",
    }


def log_in(page, live_server) -> None:
    log_in_with_form(page, live_server.url, "super", "pw-super-1")
    page.wait_for_url(f"{live_server.url}/backoffice/")


# The elements that reach past the window's right edge, named so a failure says where to look.
WIDE_ELEMENTS = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .slice(-5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)"""


def check(page, name: str, width: int, problems: list[str]) -> None:
    violations = axe_violations(page)
    if violations:
        problems.append(f"{name} at {width}px:\n{format_violations(violations)}")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    inner = page.evaluate("window.innerWidth")
    if scroll > inner:
        wide = page.evaluate(WIDE_ELEMENTS)
        problems.append(f"{name} at {width}px scrolls sideways: {scroll} > {inner}: {wide}")
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_back_office_page_type_passes_axe_and_fits_the_width(
    page,
    live_server,
    world,  # noqa: F811
    width,
):
    page.set_viewport_size({"width": width, "height": 900})
    problems: list[str] = []
    page.goto(f"{live_server.url}/backoffice/login/")
    check(page, "login", width, problems)
    log_in(page, live_server)
    for name, path in page_types(world).items():
        page.goto(f"{live_server.url}{path}")
        check(page, name, width, problems)
    assert not problems, "\n".join(problems)


def test_focus_moves_to_the_error_summary_after_a_failed_submit(page, live_server, world):  # noqa: F811
    log_in(page, live_server)
    page.goto(f"{live_server.url}/backoffice/programme/room/add/")
    with page.expect_navigation():
        page.get_by_role("button", name="Gem", exact=True).press("Enter")
    summary = page.locator(".errornote")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    name = page.get_by_label("Navn")
    assert name.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.textContent").strip()
    problems: list[str] = []
    check(page, "room-with-errors", 1280, problems)
    assert not problems, "\n".join(problems)
