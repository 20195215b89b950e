"""A councillor presses "Tilmeld mig" at 09.59: refused, "ikke åbnet endnu". At 10.00 the page
must not say both that and "åbnet": the stale refusal goes, one message stays."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.registration.models import Registration
from tests.backoffice.conftest import make_conference
from tests.e2e.forms import fill_in_registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def send_before_the_opening(page, live_server, email):
    """Sofie's registration sent five minutes before the registration opens, on a page whose
    clock the test moves; returns the page's error summary."""
    conference = make_conference()
    conference.edition.registration_opens_at = timezone.now() + timedelta(minutes=5)
    conference.edition.save()
    page.clock.install()
    page.goto(f"{live_server.url}/{conference.edition.slug}/tilmelding/")
    fill_in_registration(page, conference, email)
    page.get_by_role("button", name="Tilmeld mig").click()
    return page.locator("#error-summary")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_form_sent_a_minute_early_says_only_that_it_is_open_once_it_is(
    page, live_server, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    summary = send_before_the_opening(page, live_server, "sofie@aalborg.dk")
    expect(summary).to_contain_text("Tilmeldingen er ikke åbnet endnu")
    expect(page.locator("#countdown")).to_contain_text("Åbner om")
    assert page.title().startswith("Fejl:")

    page.clock.fast_forward("06:00")  # 10.00 has come
    countdown = page.locator("#countdown")
    expect(countdown).to_have_text("Tilmeldingen er åbnet. Send formularen.")
    expect(page.get_by_text("ikke åbnet endnu")).to_have_count(0)
    expect(summary).to_have_count(0)
    expect(countdown).to_be_focused()
    assert not page.title().startswith("Fejl:")
    folder = os.environ.get("FORSAMLING_SHOTS")
    if folder:
        page.screenshot(path=f"{folder}/opened-{width}.png", full_page=True)
    assert_accessible(page)
    assert not Registration.objects.exists()


def test_other_errors_stay_when_the_refusal_goes(page, live_server):
    summary = send_before_the_opening(page, live_server, "ikke-en-adresse")
    expect(summary).to_contain_text("E-mail")
    page.clock.fast_forward("06:00")
    expect(page.locator("#countdown")).to_have_text("Tilmeldingen er åbnet. Send formularen.")
    expect(summary).to_contain_text("E-mail")
    expect(summary).not_to_contain_text("ikke åbnet endnu")
