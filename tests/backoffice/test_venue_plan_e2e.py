"""The venue plan page in Chromium: a room placed with the keyboard alone, a wrong position
refused with the focus on the error summary, axe-core clean at 390 and 1280 px."""

from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from forsamling.programme.models import Room, VenuePlan
from tests.e2e.keyboard import tab_to
from tests.e2e.login import logged_in
from tests.e2e.screens import assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("MYPRO_SHOTS", "/work/wt/shots/mypro"))


@pytest.fixture
def plan(conference):
    image = Image.new("RGB", (800, 500), "white")
    ImageDraw.Draw(image).rectangle((40, 40, 500, 460), outline="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    edition = conference.edition
    Room.objects.create(edition=edition, name="Store Sal", order=1, plan_x=Decimal("33"),
                        plan_y=Decimal("50"))  # fmt: skip
    Room.objects.create(edition=edition, name="Sal 3", order=2)
    return VenuePlan.objects.create(
        edition=edition,
        image=ContentFile(buffer.getvalue(), name="plan.png"),
        description="Kongrescentret: Store Sal til venstre.",
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_placing_a_room_with_the_keyboard(
    browser, live_server, conference, users, plan, assert_accessible, width
):
    context = logged_in(
        browser, live_server, users.organiser, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto(
        f"{live_server.url}/backoffice/konference/{conference.edition.slug}/program/lokaleoversigt/"
    )
    expect(page.locator(".vp-marker")).to_have_count(1)
    assert_accessible(page)
    sal3 = Room.objects.get(name="Sal 3")
    tab_to(page, f"#id_x_{sal3.pk}")
    page.keyboard.type("150")
    tab_to(page, "form.bo-form button[type=submit]")
    page.keyboard.press("Enter")
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Sal 3: vandret (%)")
    expect(page.locator(f"#id_x_{sal3.pk}")).to_have_value("150")
    assert_no_sideways_scroll(page, width, "test_venue_plan_e2e")
    assert_accessible(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"backoffice-errors-{width}.png"), full_page=True)

    tab_to(page, f"#id_x_{sal3.pk}")
    page.keyboard.press("Control+A")
    page.keyboard.type("81,5")
    page.keyboard.press("Tab")
    page.keyboard.type("28")
    tab_to(page, "form.bo-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Lokaleoversigten er gemt.")).to_be_visible()
    expect(page.locator(".vp-marker")).to_have_count(2)
    assert_accessible(page)
    page.screenshot(path=str(SHOTS / f"backoffice-saved-{width}.png"), full_page=True)
    sal3.refresh_from_db()
    assert (sal3.plan_x, sal3.plan_y) == (Decimal("81.50"), Decimal("28.00"))
    context.close()
