"""The back office's forms sent empty, as a screen-reader user meets them: an error summary
that names every field in error, with the focus moved to it (as on the public forms)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.login import logged_in
from tests.e2e.screens import shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def check_summary(page, fields):
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_contain_text("Der er fejl i formularen")
    for label in fields:
        link = summary.get_by_role("link", name=label)
        expect(link).to_have_count(1)
        target = link.get_attribute("href")
        assert target and page.locator(target).count() == 1, target
    assert page.title().startswith("Fejl:")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(
    ("name", "path", "button", "fields"),
    [
        ("round", "praeferencer/", "Opret runden", ["Udgave", "Titel", "Åbner", "Lukker"]),
        ("message", "konference/{slug}/beskeder/", "Vis eksempel", ["Emne", "Tekst"]),
    ],
    ids=["a-new-preference-round", "a-new-message"],
)
def test_a_form_sent_empty_shows_a_summary_and_moves_the_focus(
    browser, live_server, conference, users, assert_accessible, width, name, path, button, fields
):
    context = logged_in(
        browser, live_server, users.organiser, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/backoffice/{path.format(slug=conference.edition.slug)}")
    page.get_by_role("button", name=button).click()
    check_summary(page, fields)
    shot(page, f"{name}-errors-{width}")
    assert_accessible(page)
    context.close()
