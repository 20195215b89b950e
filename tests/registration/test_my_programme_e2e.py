"""'Mit program' in Chromium: opened once, it works with the network off (the service worker's
copy, IndexedDB's record of what was seen), marks what a new programme version changed, with
the keyboard alone and axe-core clean, at 390 and 1280 px."""

from __future__ import annotations

import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from forsamling.programme.models import VenuePlan
from tests.e2e.keyboard import tab_to
from tests.e2e.screens import assert_no_sideways_scroll

from .my_programme_scene import build, move_the_theme_meeting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("MYPRO_SHOTS", "/work/wt/shots/mypro"))


def plan_image() -> ContentFile:
    image = Image.new("RGB", (800, 500), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 500, 460), outline="black", width=4)
    draw.rectangle((540, 40, 760, 240), outline="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="plan.png")


@pytest.fixture
def scene(edition):
    built = build(edition)
    VenuePlan.objects.create(
        edition=edition,
        image=plan_image(),
        description="Kongrescentret: Store Sal til venstre, Sal 3 øverst til højre.",
    )
    built.hall.plan_x, built.hall.plan_y = Decimal("33"), Decimal("50")
    built.hall.save()
    built.sal3.plan_x, built.sal3.plan_y = Decimal("81"), Decimal("28")
    built.sal3.save()
    return built


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def ready(page) -> None:
    expect(page.locator("#my-programme")).to_have_attribute("data-ready", "1")


@pytest.mark.parametrize("width", [390, 1280])
def test_mit_program_works_offline_and_marks_what_changed(
    browser, live_server, scene, assert_accessible, width
):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="da-DK", timezone_id="Europe/Copenhagen"
    )
    page = context.new_page()
    url = f"{live_server.url}/{scene.edition.slug}/tilmelding/{scene.lise.token}/mit-program/"
    page.goto(url)
    ready(page)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    expect(page.locator("#mp-net")).to_have_text("Online: programmet opdateres af sig selv.")
    theme = page.locator(f'[data-uid="{scene.edition.small_theme.uid}"]')
    expect(theme).to_contain_text("Lokale: Sal 3")
    expect(theme.locator(".tt-changed")).to_be_hidden()
    assert_no_sideways_scroll(page, width, "test_my_programme_e2e")
    assert_accessible(page)
    shoot(page, f"online-{width}")

    # Version 2 moves her temamøde; the next visit marks it, with what changed.
    move_the_theme_meeting(scene)
    page.reload()
    ready(page)
    mark = theme.locator(".tt-changed")
    expect(mark).to_be_visible()
    expect(mark).to_contain_text("Ændret")
    expect(mark).to_contain_text("Tidspunktet er ændret fra 15.00–16.30 til 15.30–17.00.")
    expect(mark).to_contain_text("Lokalet er ændret fra Sal 3 til Store Sal.")
    expect(page.locator("#mp-changes")).to_be_visible()
    assert_accessible(page)

    # The network goes; the page opens again from the phone, marks and all.
    context.set_offline(True)
    page.reload()
    ready(page)
    expect(page.locator("#mp-net")).to_contain_text("Offline: du ser programmet, som det var kl.")
    expect(theme).to_contain_text("Lokale: Store Sal")
    expect(theme.locator(".tt-changed")).to_contain_text("Tidspunktet er ændret")
    expect(page.locator("svg.badge-qr")).to_be_visible()
    expect(page.locator("img.plan-image")).to_have_js_property("complete", True)
    assert page.locator("img.plan-image").evaluate("img => img.naturalWidth") == 800
    assert_accessible(page)
    shoot(page, f"offline-{width}")

    # With the keyboard alone: the changes are marked as seen, and stay so offline.
    tab_to(page, "#mp-seen")
    page.keyboard.press("Enter")
    expect(page.locator("#mp-changes")).to_be_hidden()
    expect(theme.locator(".tt-changed")).to_be_hidden()
    page.reload()
    ready(page)
    expect(theme.locator(".tt-changed")).to_be_hidden()
    context.set_offline(False)
    context.close()


def test_the_programme_refreshes_itself_when_the_network_is_back(browser, live_server, scene):
    context = browser.new_context(viewport={"width": 390, "height": 900}, locale="da-DK")
    page = context.new_page()
    url = f"{live_server.url}/{scene.edition.slug}/tilmelding/{scene.lise.token}/mit-program/"
    page.goto(url)
    ready(page)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    context.set_offline(True)
    page.evaluate("window.dispatchEvent(new Event('offline'))")
    move_the_theme_meeting(scene)
    context.set_offline(False)
    theme = page.locator(f'[data-uid="{scene.edition.small_theme.uid}"]')
    expect(theme.locator(".tt-changed")).to_contain_text("Lokalet er ændret", timeout=15_000)
    context.close()
