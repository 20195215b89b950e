"""The pages that show prices, in a real browser at 390 and 1280 px, axe-clean: the group
page and the exhibitor's booking pages say "ekskl. moms" and show the total with moms.

Set SCREENSHOT_DIR to keep screenshots of each page at both widths."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.exhibitors.services import add_stand_staff, book_stands
from forsamling.registration.models import Category
from tests.backoffice.test_invoices_e2e import shoot
from tests.exhibitors.conftest import details, make_edition, make_stand
from tests.invoicing.conftest import council_group, ensure_public_buyers

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_prices_say_ekskl_moms_and_totals_inkl_moms(page, live_server, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    ensure_public_buyers()
    edition = make_edition(is_public=True, registration_opens_at=timezone.now() - timedelta(days=1))
    politician = Category.objects.create(
        edition=edition, key="politiker", name="Kommunalpolitiker", price=Decimal("3995"),
        is_politician=True, order=1,
    )  # fmt: skip
    Category.objects.create(
        edition=edition, key="standpersonale", name="Standpersonale", price=Decimal("1900"),
        order=9,
    )  # fmt: skip
    group = council_group(edition, "Vejen Kommune", politician, 6)
    page.goto(
        live_server.url + reverse("public:registration_group", args=[edition.slug, group.token])
    )
    expect(page.locator(".group-total")).to_contain_text("23.970 kr. ekskl. moms")
    expect(page.locator(".group-total")).to_contain_text("29.962,50 kr. inkl. moms")
    expect(page.locator("#ean-warning")).to_contain_text("Vi mangler et EAN-nummer")
    assert_accessible(page)
    shoot(page, "gruppe-priser")

    a1 = make_stand(edition, "A1", price=Decimal("9000"), included_passes=1)
    make_stand(edition, "B1", price=Decimal("7000"), included_passes=1)
    page.goto(live_server.url + reverse("public:exhibitor_book", args=[edition.slug]))
    expect(
        page.get_by_text("Op til 1 person, 1.900 kr. ekskl. moms pr. person").first
    ).to_be_visible()
    assert_accessible(page)
    shoot(page, "standbooking-priser")

    exhibitor = book_stands(edition=edition, stand_ids=[a1.pk], details=details())
    add_stand_staff(exhibitor=exhibitor, name="Anna Berg", email="anna@example.dk")
    page.goto(live_server.url + exhibitor.get_absolute_url())
    expect(page.locator(".booking-total")).to_contain_text("10.900 kr. ekskl. moms")
    expect(page.locator(".booking-total")).to_contain_text("13.625 kr. inkl. moms")
    assert_accessible(page)
    shoot(page, "udstiller-priser")
