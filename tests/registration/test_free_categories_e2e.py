"""Issue 28 in Chromium: a free category picked without a code is refused in Danish with
nothing typed lost; with the code from the invitation link the person is registered."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from forsamling.invitations import services as invitations
from forsamling.registration.models import Category, Registration

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("FORSAMLING_SHOTS", "")


def shoot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)


def fill(page, edition, press):
    page.fill("#id_name", "Jens Journalist")
    page.fill("#id_email", "jens@avisen.dk")
    page.fill("#id_organisation", "Avisen")
    page.check(f"input[name=category][value='{press.pk}']")
    page.check(
        f"input[name=slot_{edition.houses_slot.pk}][value='{edition.officials_breakout.pk}']"
    )
    page.check(f"input[name=slot_{edition.themes_slot.pk}][value='{edition.big_theme.pk}']")
    page.check("input[name=dinner][value=nej]")
    page.check("#id_accept_terms")


def test_a_free_category_needs_the_code_in_the_browser(
    page, live_server, edition, assert_accessible
):
    press = Category.objects.create(
        edition=edition, key="presse", name="Presse", price=Decimal("0"), order=9
    )
    Category.objects.filter(pk=press.pk).update(invitation_only=False)  # as before the rule
    form = f"{live_server.url}/{edition.slug}/tilmelding/"
    page.goto(form)
    assert "Presse – 0 kr. (kræver invitationskode)" in page.inner_text("main")
    fill(page, edition, press)
    page.click(".registration-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    summary = page.inner_text("#error-summary")
    assert "Kategorien Presse kræver en invitationskode fra arrangøren." in summary
    assert "Temamøder" not in summary  # the code is the only thing missing
    assert page.input_value("#id_name") == "Jens Journalist"
    assert not Registration.objects.exists()
    assert_accessible(page)
    shoot(page, "gratis-uden-kode")

    user = get_user_model().objects.create(username="arrangoer-e2e")
    code = invitations.create_code(edition=edition, category=press, user=user)
    page.goto(f"{form}?kode={code.code}")
    fill(page, edition, press)
    page.click(".registration-form button[type=submit]")
    page.wait_for_url("**/kvittering/")
    assert Registration.objects.get().category == press
