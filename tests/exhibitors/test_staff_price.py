"""One price for stand staff: the edition's stand-staff category's price is what the booking
page shows, what the member's registration carries and what the exhibitor's invoice bills."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from forsamling.exhibitors import services, staff_registrations
from forsamling.invoicing.models import InvoiceLine
from forsamling.invoicing.services import draft_invoices
from forsamling.registration.models import Category, Registration
from tests.invoicing.conftest import make_seller

from .conftest import details

pytestmark = pytest.mark.django_db


def shown_pass_price(client, edition, stand) -> str:
    """The price per stand-staff pass in the stand's row of the public booking page."""
    page = client.get(reverse("public:exhibitor_book", kwargs={"edition": edition.slug}))
    row = re.search(rf'<tr id="stand-{stand.pk}">(.*?)</tr>', page.content.decode(), re.S)
    assert row is not None
    found = re.search(r"([\d.]+) kr\. ekskl\. moms pr\. person", row.group(1))
    assert found is not None, row.group(1)
    return found.group(1)


def test_booking_page_registration_and_invoice_agree_on_the_stand_staff_price(
    client, edition, stands
):
    Category.objects.create(
        edition=edition, key="standpersonale", name="Standpersonale", price=Decimal("1900")
    )
    make_seller(edition)
    shown = shown_pass_price(client, edition, stands[0])

    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    member = services.add_stand_staff(exhibitor=exhibitor, name="Sanne Stand", email="s@x.dk")
    registration = Registration.objects.get(
        idempotency_key=staff_registrations.registration_key(member)
    )
    draft_invoices(edition=edition)
    line = InvoiceLine.objects.get(stand_staff=member)

    assert shown == "1.900"
    assert registration.category.price == Decimal("1900")
    assert line.unit_price == Decimal("1900")


def test_the_organiser_changes_the_price_in_one_place(client, edition, stands):
    category = Category.objects.create(
        edition=edition, key="standpersonale", name="Standpersonale", price=Decimal("1900")
    )
    make_seller(edition)
    category.price = Decimal("2100")
    category.save()
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    member = services.add_stand_staff(exhibitor=exhibitor, name="Sanne Stand", email="s@x.dk")
    draft_invoices(edition=edition)
    assert shown_pass_price(client, edition, stands[0]) == "2.100"
    assert InvoiceLine.objects.get(stand_staff=member).unit_price == Decimal("2100")


def test_without_a_stand_staff_category_the_page_shows_no_price_and_nothing_is_billed(
    client, edition, stands
):
    make_seller(edition)
    page = client.get(reverse("public:exhibitor_book", kwargs={"edition": edition.slug}))
    assert "2 personer" in page.content.decode()
    assert " à " not in page.content.decode()
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    services.add_stand_staff(exhibitor=exhibitor, name="Sanne Stand", email="s@x.dk")
    draft_invoices(edition=edition)
    assert not InvoiceLine.objects.filter(stand_staff__isnull=False).exists()
