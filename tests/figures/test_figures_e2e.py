"""The figures page in Chromium at 390 and 1280 px: axe-core clean, no sideways scroll.
Screenshots go to $FORSAMLING_SHOTS when it is set."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import User
from django.db.models import F, Min

from forsamling.conferences.models import Edition
from forsamling.registration.models import Registration
from tests.backoffice.conftest import make_conference, register
from tests.e2e.login import submit_login
from tests.e2e.screens import assert_no_sideways_scroll
from tests.figures.conftest import seed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "et-langt-kodeord-2026"


def test_the_figures_page_at_both_widths(page, live_server, assert_accessible):
    earlier = make_conference(slug="2025")
    Edition.objects.filter(pk=earlier.edition.pk).update(year=F("year") - 1)
    for name, organisation in [("Ole", "Roskilde Kommune"), ("Pia", "Region Sjælland")]:
        register(earlier, name, organisation=organisation)
    conference = make_conference()
    seed(conference)
    # Opened just before the seeding, so the first hour's curve has its rush.
    first = Registration.objects.aggregate(at=Min("created_at"))["at"]
    Edition.objects.filter(pk=conference.edition.pk).update(registration_opens_at=first)
    User.objects.create_superuser("arrangoer", "arrangoer@kl.dk", PASSWORD)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/tal/")
    submit_login(page, "arrangoer", PASSWORD)
    page.wait_for_selector("text=Hvor deltagerne kom fra")
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_sideways_scroll(page, width, f"figures at {width}")
        assert_accessible(page)
        if folder := os.environ.get("FORSAMLING_SHOTS"):
            page.screenshot(path=f"{folder}/figures-{width}.png", full_page=True)
