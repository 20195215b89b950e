"""The API-key page in Chromium at 390 and 1280 px (issue 26): a wrong form first, then a key
made and shown once, then revoked; axe-core finds nothing and nothing scrolls sideways.
Screenshots go to $API_SCREENSHOTS when it is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from forsamling.api.models import ApiToken
from tests.backoffice.test_look_e2e import WIDE_ELEMENTS
from tests.conftest import axe_violations, format_violations
from tests.e2e.login import log_in_with_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("API_SCREENSHOTS", "")


def look(page, name: str, width: int) -> None:
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, page.evaluate(WIDE_ELEMENTS)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/api-keys-{name}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", (390, 1280))
def test_making_and_revoking_a_key(page, live_server, users, keys, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in_with_form(page, live_server.url, "arrangoer", "correct horse battery")
    page.wait_for_url(f"{live_server.url}/backoffice/")
    page.goto(f"{live_server.url}/backoffice/konference/2026/api-noegler/")
    expect(page.get_by_role("heading", name="API-nøgler", level=1)).to_be_visible()
    look(page, "list", width)

    # Wrong on purpose: a label but no scope, sent with the keyboard.
    page.get_by_label("Betegnelse").fill("Skanner ved indgang A")
    with page.expect_navigation():
        page.get_by_label("Betegnelse").press("Enter")
    expect(page.get_by_text("Vælg mindst én adgang.")).to_be_visible()
    expect(page.get_by_label("Betegnelse")).to_have_value("Skanner ved indgang A")
    look(page, "errors", width)

    page.get_by_label("Tjekke deltagere ind", exact=False).check()
    page.get_by_role("button", name="Lav nøgle").click()
    key = page.get_by_label("Nøgle", exact=True)
    assert key.input_value().startswith(ApiToken.objects.get(label="Skanner ved indgang A").prefix)
    expect(page.get_by_text("Den vises kun denne ene gang")).to_be_visible()
    look(page, "new-key", width)

    page.get_by_role("button", name="Tilbagekald Skanner ved indgang A").click()
    expect(page.get_by_text("Nøglen Skanner ved indgang A er tilbagekaldt.")).to_be_visible()
    assert ApiToken.objects.get(label="Skanner ved indgang A").revoked_at is not None
    look(page, "revoked", width)
