"""A pasted invisible character in a real browser: a Danish error by the field, everything
typed kept, axe finds nothing, no sideways scrolling on a phone."""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from forsamling.exhibitors.models import Exhibitor
from tests.e2e.screens import assert_no_sideways_scroll
from tests.exhibitors.booking_form import fill_booking
from tests.exhibitors.test_exhibitors_e2e import site  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("FORSAMLING_SCREENSHOTS")


def test_a_direction_override_in_the_organisation_is_refused_in_danish(
    page,
    site,  # noqa: F811
    assert_accessible,
):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(site + "/udstillere/book/")
    page.locator("label", has_text=re.compile(r"^Stand A1$")).click()
    fill_booking(page, organisation="Ældre Sagen\u202e")  # pasted from a document
    page.get_by_role("button", name="Book standene").press("Enter")
    expect(
        page.get_by_text("usynligt styretegn (U+202E RIGHT-TO-LEFT OVERRIDE)").first
    ).to_be_visible()
    expect(page.get_by_label("Organisation")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Fakturaadresse")).to_have_value("Nørregade 49\n1165 København K")
    assert_no_sideways_scroll(page, 390, "test_hostile_e2e")
    assert_accessible(page)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/booking-control-character-390.png", full_page=True)
    assert not Exhibitor.objects.exists()
