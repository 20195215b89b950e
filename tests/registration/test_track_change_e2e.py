"""On a phone and a laptop, a participant changes their afternoon track on their private page
(issue 25), checked by axe-core."""

from __future__ import annotations

import pytest

from tests.e2e.screens import assert_no_sideways_scroll

from .test_group_wording_e2e import shot
from .test_track_change import registered, tracks

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [390, 1280])
def test_a_participant_changes_their_track_on_their_private_page(
    page, live_server, edition, assert_accessible, width
):
    social, health = tracks(edition)
    registration = registered(edition, social)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/{registration.token}/")
    page.click("#track-button")
    assert page.is_checked(f"input[name=track][value='{social.pk}']")
    page.check(f"input[name=track][value='{health.pk}']")
    shot(page, "private-track")
    assert_accessible(page)
    page.click("#track-content button[type=submit]")
    page.wait_for_selector("text=Din sæson er gemt.")
    assert "Den Sundhedspolitiske Sæson" in page.inner_text(".private-facts")
    assert_no_sideways_scroll(page, width, "test_track_change_e2e")
    shot(page, "private-track-saved")
    assert_accessible(page)
    registration.refresh_from_db()
    assert registration.track == health
