"""Logging in at /backoffice/ as the user would: each role lands on its own work, not on the
admin's "Du har ikke rettigheder til at se eller redigere noget."."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from tests.backoffice.conftest import make_conference
from tests.e2e.login import log_in_with_form
from tests.e2e.screens import shot
from tests.prizes.conftest import make_juror, make_nomination, make_prize

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NOTHING = "Du har ikke rettigheder til at se eller redigere noget."


def log_in(page, live_server, username, password="correct horse battery"):
    log_in_with_form(page, live_server.url, username, password, at="/backoffice/")


@pytest.mark.parametrize("width", [390, 1280])
def test_door_staff_land_in_the_check_in_app_of_todays_edition(
    page, live_server, users, width, assert_accessible
):
    """Door staff for last year's, today's and next year's editions: today's app opens."""
    today = timezone.localdate()
    editions = {}
    for slug, shift in (("i-fjor", -365), ("i-dag", 0), ("naeste-aar", 365)):
        edition = make_conference(slug).edition
        edition.start_date = today + timedelta(days=shift)
        edition.end_date = edition.start_date + timedelta(days=1)
        edition.save()
        grant_role(user=users.checkin, edition=edition, role=Role.CHECKIN)
        editions[slug] = edition
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, users.checkin.username)
    expect(page).to_have_url(f"{live_server.url}/backoffice/konference/i-dag/tjekind/")
    expect(page.get_by_role("heading", name="Indtjekning", level=1)).to_be_visible()
    expect(page.get_by_text(NOTHING)).to_have_count(0)
    shot(page, f"landing-door-{width}")
    assert_accessible(page)


def test_a_juror_lands_on_their_nominations(page, live_server, db):
    setup = make_prize()
    make_nomination(setup.prize, project_title="Sund start i dagtilbud")
    juror = make_juror(setup.prize, "dommer", municipality="Vejle")
    juror.user.set_password("correct horse battery")
    juror.user.save()
    log_in(page, live_server, "dommer")
    expect(page).to_have_url(
        f"{live_server.url}/backoffice/konference/{setup.edition.slug}/pris/jury/"
    )
    expect(page.get_by_text("Sund start i dagtilbud")).to_be_visible()
    expect(page.get_by_text(NOTHING)).to_have_count(0)


def test_organisers_still_see_the_admin_index(page, live_server, users):
    log_in(page, live_server, users.organiser.username)
    expect(page).to_have_url(f"{live_server.url}/backoffice/")
    expect(page.get_by_role("heading", name="Konferencen")).to_be_visible()


def test_a_staff_user_without_a_role_is_not_sent_anywhere(page, live_server, users):
    users.no_role.set_password("correct horse battery")
    users.no_role.save()
    log_in(page, live_server, users.no_role.username)
    expect(page).to_have_url(f"{live_server.url}/backoffice/")
    assert get_user_model().objects.get(username="ingen").is_staff
