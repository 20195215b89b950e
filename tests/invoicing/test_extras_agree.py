"""An exhibitor's extras (power, furniture, internet...) cost the same on the booking form,
the private booking page, the confirmation e-mail, the export, the invoice, its PDF and its
Peppol file, to the øre; and the Peppol file passes the rules."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from forsamling.domain.stands import TooManyOfExtra, UnknownExtra
from forsamling.exhibitors.exports import HEADERS, exhibitors_xlsx
from forsamling.exhibitors.models import Exhibitor, Extra, ExtraOrder
from forsamling.exhibitors.queries import exhibitors_for_export
from forsamling.exhibitors.services import book_stands
from forsamling.invoicing import services
from forsamling.invoicing.models import InvoiceLine, LineKind
from tests.exhibitors.conftest import details, make_stand
from tests.invoicing.conftest import EAN_ODENSE, assert_every_issued_document_passes
from tests.invoicing.test_prices_agree import AMOUNT, edition, files_of, page_text, shown

__all__ = ["edition"]  # the fixture, shared with the other prices test
pytestmark = pytest.mark.usefixtures("edition")


@pytest.fixture
def extras(edition):
    return {
        "power": Extra.objects.create(
            edition=edition, name="Strøm (230 V)", price=Decimal("1250"), max_quantity=3
        ),
        "table": Extra.objects.create(
            edition=edition, name="Ekstra bord", price=Decimal("833.33"), max_quantity=4, order=1
        ),
        "wifi": Extra.objects.create(
            edition=edition, name="Kablet internet", price=Decimal("0.35"), max_quantity=1, order=2
        ),
    }


def test_extras_are_shown_mailed_exported_and_invoiced_the_same(
    client, edition, extras, django_capture_on_commit_callbacks
):
    a1 = make_stand(edition, "A1", price=Decimal("9000"), included_passes=1)
    with django_capture_on_commit_callbacks(execute=True):
        exhibitor = book_stands(
            edition=edition,
            stand_ids=[a1.pk],
            details=details(ean=EAN_ODENSE),
            extras={extras["power"].pk: 2, extras["table"].pk: 3, extras["wifi"].pk: 1},
        )
    # 9.000 + 2 × 1.250 + 3 × 833,33 (2.499,99) + 0,35 = 14.000,34 ekskl. moms, moms 3.500,09
    without_vat, with_vat = Decimal("14000.34"), Decimal("17500.43")

    page = page_text(client.get(exhibitor.get_absolute_url()))
    assert shown(r"Tilvalg: 3 × Ekstra bord " + AMOUNT, page) == Decimal("2499.99")
    assert shown("I alt ekskl. moms " + AMOUNT + " ekskl. moms", page) == without_vat
    assert shown("I alt inkl. 25 % moms " + AMOUNT + " inkl. moms", page) == with_vat

    [booking_mail] = [m for m in mail.outbox if m.subject.startswith("Standbooking")]
    assert "Tilvalg: 2 × Strøm (230 V) à 1.250 kr. ekskl. moms: 2.500 kr." in booking_mail.body
    assert shown("I alt: " + AMOUNT + " ekskl. moms", booking_mail.body) == without_vat
    assert shown(", " + AMOUNT + " inkl. moms", booking_mail.body) == with_vat

    exported = exhibitors_xlsx(exhibitors_for_export(Exhibitor.objects.filter(pk=exhibitor.pk)))
    header, row = load_workbook(io.BytesIO(exported)).active.iter_rows(values_only=True)
    assert header == tuple(HEADERS)
    values = dict(zip(header, row, strict=True))
    assert Decimal(str(values["Booking i alt ekskl. moms (kr.)"])) == without_vat
    assert "2 × Strøm (230 V)" in values["Tilvalg"]

    [invoice] = services.issue_due(edition=edition).issued
    assert invoice.totals().without_vat == without_vat
    assert invoice.totals().with_vat == with_vat
    assert files_of(invoice) == (with_vat, with_vat)
    assert_every_issued_document_passes()
    lines = InvoiceLine.objects.filter(invoice=invoice, kind=LineKind.STAND_EXTRA)
    assert sorted((line.quantity, line.unit_price) for line in lines) == [
        (Decimal(1), Decimal("0.35")),
        (Decimal(2), Decimal("1250")),
        (Decimal(3), Decimal("833.33")),
    ]
    # Issued once: the next run drafts nothing more for the same extras.
    assert services.issue_due(edition=edition).issued == []


def test_the_form_shows_each_extra_with_its_price_without_vat_and_refuses_too_many(
    client, edition, extras
):
    url = reverse("public:exhibitor_book", args=[edition.slug])
    page = client.get(url).content.decode()
    assert "Strøm (230 V) – 1.250 kr. ekskl. moms pr. stk." in page
    a1 = make_stand(edition, "A1")
    data = {
        "stands": [a1.pk],
        "organisation": "Ældre Sagen",
        f"extra_{extras['power'].pk}": "4",
        f"extra_{extras['table'].pk}": "-1",
    }
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 422
    assert "I kan højst bestille 3." in body
    assert "Antallet kan ikke være negativt." in body
    assert 'value="Ældre Sagen"' in body
    assert not ExtraOrder.objects.exists()


def test_an_extra_of_another_edition_or_too_many_is_refused_by_the_service(edition, extras):
    a1 = make_stand(edition, "A1")
    with pytest.raises(TooManyOfExtra):
        book_stands(
            edition=edition, stand_ids=[a1.pk], details=details(), extras={extras["wifi"].pk: 2}
        )
    with pytest.raises(UnknownExtra):
        book_stands(edition=edition, stand_ids=[a1.pk], details=details(), extras={999999: 1})
    assert not Exhibitor.objects.exists()
