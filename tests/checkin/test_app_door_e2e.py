"""The check-in app as door staff meet it: what they just did shows in the list, a misread
or an unknown badge never leaves the previous person's green result standing, an unknown
badge is refused (not stored as if it were waiting to be sent), the error is tied to the
field and announced, and a long door name is readable on a phone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from forsamling.checkin.models import CheckIn, CheckInEvent
from forsamling.checkin.tokens import badge_code
from forsamling.programme.models import SessionKind
from forsamling.registration.sessions import create_session
from tests.checkin.test_app_e2e import (
    back_online,
    fill_walk_in,
    open_app,
    pending,
    phone,
    phone_page,
    scan,
)
from tests.e2e.screens import assert_no_sideways_scroll, shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def now_clock() -> str:
    return datetime.now(COPENHAGEN).strftime("%H.%M")


def test_a_check_in_made_offline_is_marked_in_the_apps_own_list(
    browser, live_server, conference, people, users
):
    context = phone(browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    context.set_offline(True)
    scan(page, badge_code(people.aase.pk))
    expect(page.get_by_role("status")).to_contain_text("Tjekket ind.")
    clock = now_clock()
    search = page.get_by_label("Søg på navn eller organisation")
    search.fill("ørum")
    match = page.locator(".ci-match").filter(has_text="Aase Ørum")
    expect(match).to_contain_text(f"tjekket ind {clock}")
    # Found by name and checked in from the list: marked at once too.
    search.fill("bøgh")
    page.locator(".ci-match").filter(has_text="Ægir Bøgh").click()
    expect(page.locator(".ci-match").filter(has_text="Ægir Bøgh")).to_contain_text("tjekket ind")
    # Opened again, still offline: the marks come from the phone's own store.
    page.reload()
    page.get_by_label("Søg på navn eller organisation").fill("ørum")
    expect(page.locator(".ci-match").filter(has_text="Aase Ørum")).to_contain_text(
        f"tjekket ind {clock}"
    )
    back_online(context, page)
    assert CheckIn.objects.count() == 2
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_misread_and_an_unknown_badge_replace_the_last_result(
    browser, live_server, conference, people, users, assert_accessible, width
):
    context = phone(browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    page.set_viewport_size({"width": width, "height": 900})
    code = page.get_by_label("Kode fra navneskiltet")
    result = page.locator("#ci-result")
    scan(page, badge_code(people.aase.pk))
    expect(result).to_contain_text("Aase Ørum")
    expect(result).to_have_attribute("data-kind", "ok")

    scan(page, "123-0a1b")  # a misread
    expect(code).to_have_attribute("aria-invalid", "true")
    expect(result).not_to_contain_text("Aase Ørum")
    expect(result).to_have_attribute("data-kind", "stop")
    shot(page, f"app-misread-{width}")
    assert_accessible(page)

    scan(page, badge_code(people.aase.pk))
    expect(result).to_contain_text("Allerede tjekket ind")
    expect(code).not_to_have_attribute("aria-invalid", "true")

    context.set_offline(True)
    unknown = f"{people.zara.pk}-0000000000000000"
    scan(page, unknown)
    # Refused, and what to do; not "saved on the phone", and nothing waits to be sent.
    expect(result).to_contain_text("Ukendt navneskilt")
    expect(result).to_contain_text("Afvist")
    expect(result).to_contain_text("send personen til informationen")
    expect(result).not_to_contain_text("Gemt på telefonen")
    expect(result).not_to_contain_text("Aase Ørum")
    expect(pending(page)).to_have_attribute("data-count", "0")
    # Tied to the field, and announced: the result box is a live region.
    expect(code).to_have_attribute("aria-invalid", "true")
    expect(code).to_have_attribute("aria-describedby", "ci-code-error")
    expect(page.locator("#ci-code-error")).to_contain_text(f"Koden {unknown}")
    expect(page.locator("#ci-code-error")).to_be_visible()
    expect(result).to_have_attribute("aria-live", "assertive")
    expect(code).to_be_focused()
    shot(page, f"app-unknown-{width}")
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, "test_app_door_e2e")

    code.type("1")  # typing the next code clears the error
    expect(code).not_to_have_attribute("aria-invalid", "true")
    context.set_offline(False)
    scan(page, unknown)
    expect(result).to_contain_text("Afvist")
    expect(result).not_to_contain_text("offline")
    expect(pending(page)).to_have_attribute("data-count", "0")
    page.wait_for_timeout(500)
    assert CheckInEvent.objects.filter(code=unknown).count() == 0
    assert CheckIn.objects.count() == 1
    context.close()


def test_someone_registered_after_the_download_is_found_online(
    browser, live_server, conference, people, users
):
    from tests.backoffice.conftest import register

    context = phone(browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    late = register(conference, "Sen Sørensen")
    scan(page, badge_code(late.pk))
    expect(page.get_by_role("status")).to_contain_text("Sen Sørensen")
    expect(page.get_by_role("status")).to_contain_text("Tjekket ind.")
    expect(pending(page)).to_have_attribute("data-count", "0", timeout=20_000)
    assert CheckIn.objects.filter(registration=late).exists()
    context.close()


def test_a_long_door_name_is_written_out_in_full_on_a_phone(
    browser, live_server, conference, people, users, assert_accessible
):
    title = (
        "Temamøde om sammenhængende forløb for borgere med både psykisk sygdom og misbrug "
        "på tværs af kommune og region"
    )
    create_session(
        slot=conference.small.slot, kind=SessionKind.TEMAMOEDE, number=3, title=title, capacity=40
    )
    context = phone(browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    door = page.get_by_label("Dør", exact=True)
    door.select_option(label=door.locator("option", has_text="sammenhængende").inner_text())
    chosen = page.locator("#ci-door-chosen")
    expect(chosen).to_contain_text(title)
    expect(chosen).to_be_visible()
    box = chosen.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    assert_no_sideways_scroll(page, 390, "test_app_door_e2e")
    shot(page, "app-long-door-390")
    assert_accessible(page)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_walk_in_form_asks_the_track_question_of_the_public_form(
    browser, live_server, conference, people, users, assert_accessible, width
):
    from forsamling.programme.models import Track
    from forsamling.registration.models import Registration

    social = Track.objects.create(
        edition=conference.edition, key="social", name="Den Socialpolitiske Sæson", order=1
    )
    Track.objects.create(
        edition=conference.edition, key="sundhed", name="Den Sundhedspolitiske Sæson", order=2
    )
    context, page = phone_page(browser, live_server, users.checkin, width)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/tjekind/ny/")
    page.get_by_label("Navn", exact=True).fill("Walther Walk-In")
    fill_walk_in(page, conference)
    page.get_by_role("button", name="Tilmeld og tjek ind").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Vælg den sæson, du deltager i.")
    shot(page, f"walk-in-track-error-{width}")
    assert_accessible(page)
    page.get_by_label("Den Socialpolitiske Sæson").check()
    page.get_by_label("Jeg accepterer betingelserne", exact=False).check()
    page.get_by_role("button", name="Tilmeld og tjek ind").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Navneskilt: Walther Walk-In")
    assert Registration.objects.get(name="Walther Walk-In").track == social
    context.close()
