"""The programme pages in a real browser: no axe-core findings, on a wide screen and a phone."""

from __future__ import annotations

import pytest

from forsamling.programme.models import Session, Speaker
from forsamling.programme.services import publish_programme
from tests.e2e.screens import assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, transactional_db):
    from forsamling.demo.load import load_seed_editions

    load_seed_editions()
    return live_server.url


@pytest.mark.parametrize(
    "path",
    [
        "/2023/program/",
        "/2023/program/aendringer/",
        "/2023/program/?type=temamoede",
        "/2026/program/",
    ],
)
def test_programme_page_has_no_axe_violations(page, site, assert_accessible, path):
    page.goto(site + path)
    assert_accessible(page)


def test_session_and_speaker_pages_have_no_axe_violations(page, site, assert_accessible):
    session = Session.objects.get(slot__edition__slug="2023", number=3)
    page.goto(f"{site}/2023/program/session/{session.uid}/")
    assert_accessible(page)
    speaker = Speaker.objects.get(name="Pia Kürstein Kjellberg")
    page.goto(f"{site}/2023/program/oplaegsholder/{speaker.pk}/")
    assert_accessible(page)


def test_parallel_sessions_stand_side_by_side_on_a_wide_screen_and_stack_on_a_phone(
    browser, site, assert_accessible
):
    for width, expect_side_by_side in ((1280, True), (375, False)):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
        page = context.new_page()
        page.goto(site + "/2023/program/")
        tops = page.eval_on_selector_all(
            ".programme-sessions >> nth=1 >> .programme-session",
            "cards => cards.slice(0, 2).map(card => card.getBoundingClientRect().top)",
        )
        assert (tops[0] == tops[1]) is expect_side_by_side
        assert_no_sideways_scroll(page, width, "test_programme_e2e")
        if width == 375:
            assert_accessible(page)
        context.close()


def test_filters_work_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    page.goto(site + "/2023/program/")
    page.select_option("#filter-kind", "temamoede")
    page.get_by_role("button", name="Vis").click()
    assert "type=temamoede" in page.url
    assert page.locator(".programme-session").count() == 8
    context.close()


def test_tracks_stand_side_by_side_on_a_wide_screen_and_stack_on_a_phone(
    browser, live_server, transactional_db, assert_accessible
):
    from tests.programme import builders

    edition = builders.edition()
    day = builders.day(edition)
    social = edition.tracks.create(key="social", name="Den Socialpolitiske Sæson", order=0)
    health = edition.tracks.create(key="health", name="Den Sundheds- og ældrepolitiske Sæson")
    builders.item(day, "Fælles åbning", "10:00", "11:00")
    builders.item(day, "Socialt oplæg", "13:00", "14:00", track=social)
    builders.item(day, "Sundhedsoplæg", "13:00", "14:00", track=health)
    publish_programme(edition=edition, comment="")
    for width, expect_side_by_side in ((1280, True), (375, False)):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
        page = context.new_page()
        page.goto(live_server.url + "/2030/program/")
        tops = page.eval_on_selector_all(
            ".programme-track", "tracks => tracks.map(t => t.getBoundingClientRect().top)"
        )
        assert len(tops) == 2
        assert (tops[0] == tops[1]) is expect_side_by_side
        assert_accessible(page)
        context.close()
