"""Registering in a real browser with the keyboard alone, checked by axe-core on the way."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from forsamling.registration.models import Registration
from tests.e2e.forms import register_with_the_keyboard
from tests.e2e.keyboard import tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_registering_with_the_keyboard_alone(page, live_server, edition, assert_accessible):
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/")
    assert_accessible(page)

    tab_to(page, ".registration-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert "Udfyld feltet." in page.inner_text("#id_name-error")
    assert_accessible(page)

    register_with_the_keyboard(page, edition, theme_key="ArrowDown")  # Psykiatri

    page.wait_for_url("**/kvittering/")
    assert "Tak for din tilmelding" in page.inner_text("main")
    assert "Psykiatri – du har plads" in " ".join(page.inner_text("main").split())
    assert_accessible(page)
    registration = Registration.objects.get()
    assert (registration.name, registration.category.key, registration.dinner) == (
        "Mette Hansen",
        "politiker",
        True,
    )

    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/{registration.token}/")
    page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")
    assert_accessible(page)  # with the forms to change choices, details and hand over shown


def test_the_group_overview_is_accessible_also_with_errors(
    page, live_server, edition, assert_accessible
):
    from forsamling.registration.groups import GroupMember, register_group

    from .conftest import details

    group = register_group(
        edition=edition,
        organisation="Aalborg Kommune",
        secretary_name="Sif",
        secretary_email="sif@aalborg.dk",
        members=[GroupMember("g1", details("Anna Politiker"), edition.politician)],
    )
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/gruppe/{group.token}/")
    assert "3.995 kr." in page.inner_text(".group-total")  # below the stacking table
    assert_accessible(page)
    page.click(".registration-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert_accessible(page)


def test_sessions_the_chosen_category_may_not_attend_are_greyed_out(
    page, live_server, edition, assert_accessible
):
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/")
    house = f"#slot_{edition.houses_slot.pk}_{edition.health_house.pk}"
    officials = f"#slot_{edition.houses_slot.pk}_{edition.officials_breakout.pk}"
    assert not page.is_disabled(house)
    page.check(f"#id_category_{list(edition.categories.all()).index(edition.official)}")
    assert page.is_disabled(house) and not page.is_disabled(officials)
    assert "ikke for din deltagerkategori" in page.inner_text(f"label[for='{house[1:]}']")
    page.check("#id_category_0")  # Kommunalpolitiker
    assert not page.is_disabled(house) and page.is_disabled(officials)
    assert_accessible(page)


def test_before_the_opening_a_countdown_runs_and_the_form_can_be_filled_in(
    page, live_server, edition, assert_accessible
):
    from datetime import timedelta

    from django.utils import timezone

    edition.registration_opens_at = timezone.now() + timedelta(days=1, hours=2, minutes=30)
    edition.save()
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/")
    assert "Tilmelding åbner" in page.inner_text("main")
    expect(page.locator("#countdown")).to_contain_text("Åbner om")
    assert "Åbner om 1 dag 2 timer " in page.inner_text("#countdown")
    assert_accessible(page)
