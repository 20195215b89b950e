"""A secretary adds colleagues in a real browser: the form speaks of the colleague, and an
address already registered gets the single form's answer (issue 25), checked by axe-core."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from forsamling.registration.groups import register_group
from forsamling.registration.models import Registration
from tests.e2e.screens import assert_no_sideways_scroll

from .conftest import details

pytestmark = pytest.mark.e2e

# Set to a folder to keep a screenshot of every step (the lead's review at 390 and 1280 px).
SHOTS = os.environ.get("FORSAMLING_SHOTS", "")


def shot(page, name: str) -> None:
    if SHOTS:
        width = page.viewport_size["width"]
        page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_secretary_registers_a_colleague_in_the_colleague_s_name(
    page, live_server, edition, assert_accessible, width
):
    from forsamling.registration.services import register_participant

    register_participant(
        edition=edition,
        idempotency_key="mette-herself",
        details=details("Mette Hansen", email="mette@aalborg.dk"),
        category=edition.politician,
        sessions=[],
    )
    group = register_group(
        edition=edition,
        organisation="Aalborg Kommune",
        secretary_name="Sif",
        secretary_email="sif@aalborg.dk",
    )
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/gruppe/{group.token}/")
    form = page.locator(".registration-form")
    assert "Deltager personen i middagen den første aften?" in form.inner_text()
    assert "på personens vegne" in form.inner_text()
    assert "Jeg deltager ikke" not in form.inner_text()
    assert_no_sideways_scroll(page, width, "test_group_wording_e2e")
    assert_accessible(page)

    page.click(".registration-form button[type=submit]")  # sent empty, on purpose
    page.wait_for_selector("#error-summary")
    summary = page.inner_text("#error-summary")
    assert "Vælg personens deltagerkategori." in summary
    assert "Du skal acceptere betingelserne for at tilmelde personen." in summary
    shot(page, "group-form-errors")
    assert_accessible(page)

    page.fill("#id_name", "Mette Hansen")
    page.fill("#id_email", "mette@aalborg.dk")  # she registered herself this morning
    page.check(f"input[name=category][value='{edition.politician.pk}']")
    page.check(f"input[name=slot_{edition.houses_slot.pk}][value=none]")
    page.check(f"input[name=slot_{edition.themes_slot.pk}][value=none]")
    page.check("input[name=dinner][value=nej]")
    page.check("#id_accept_terms")
    page.click(".registration-form button[type=submit]")

    page.wait_for_selector("h1:has-text('Tjek e-mailen')")
    main = page.inner_text("main")
    assert "allerede" not in main and "personens personlige link" in main
    shot(page, "group-link-sent")
    assert_accessible(page)
    page.click("text=Tilbage til gruppen")
    page.wait_for_selector(".registration-form")
    assert Registration.objects.filter(group=group).count() == 0
    assert Registration.objects.filter(email="mette@aalborg.dk").count() == 1
