"""What a buyer is shown is what the invoice asks for: the group page, the exhibitor's booking
page and the confirmation e-mails state prices without VAT and the total with VAT, and those
totals are the PDF's and the Peppol file's to the øre."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from forsamling.exhibitors.services import add_stand_staff, book_stands
from forsamling.invoicing import exports, services
from forsamling.invoicing.models import Invoice
from forsamling.invoicing.ubl import CBC, Document
from forsamling.registration.models import Category
from tests.exhibitors.conftest import details, make_edition, make_stand
from tests.invoicing.conftest import (
    EAN_ODENSE,
    assert_every_issued_document_passes,
    council_group,
    ensure_public_buyers,
    make_seller,
)
from tests.outputs.pdf_text import needs_poppler, pdf_text

pytestmark = needs_poppler
AMOUNT = r"(\d{1,3}(?:\.\d{3})*(?:,\d\d)?) kr\."


def kroner(text: str) -> Decimal:
    """'29.962,50' → Decimal('29962.50')."""
    return Decimal(text.replace(".", "").replace(",", "."))


def shown(pattern: str, text: str) -> Decimal:
    found = re.search(pattern, " ".join(text.split()))
    assert found, f"{pattern!r} not in:\n{text}"
    return kroner(found.group(1))


def page_text(response) -> str:
    return " ".join(etree.fromstring(response.content, etree.HTMLParser()).itertext())


def files_of(invoice: Invoice) -> tuple[Decimal, Decimal]:
    """The amount to pay in the PDF (pdftotext) and in the Peppol XML."""
    document = Document.of(Invoice.objects.select_related("edition__seller").get(pk=invoice.pk))
    pdf = pdf_text(exports.render(document, exports.Format.PDF))
    xml = etree.fromstring(exports.render(document, exports.Format.PEPPOL))
    payable = xml.findtext(f".//{{{CBC}}}PayableAmount")
    return shown(r"At betale i alt inkl\. moms " + AMOUNT, pdf), Decimal(payable)


@pytest.fixture
def edition(db):
    ensure_public_buyers()
    edition = make_edition(is_public=True, registration_opens_at=timezone.now() - timedelta(days=1))
    make_seller(edition, number_prefix="DEMO-")
    Category.objects.create(edition=edition, key="politiker", name="Kommunalpolitiker",
                            price=Decimal("3995"), is_politician=True, order=1)  # fmt: skip
    Category.objects.create(edition=edition, key="standpersonale", name="Standpersonale",
                            price=Decimal("1900"), order=9)  # fmt: skip
    return edition


def test_a_group_of_six_is_shown_and_invoiced_the_same(
    client, edition, django_capture_on_commit_callbacks
):
    politician = Category.objects.get(edition=edition, key="politiker")
    with django_capture_on_commit_callbacks(execute=True):
        group = council_group(
            edition, "Odense Kommune", politician, 6, ean=EAN_ODENSE, order_reference="ODE-77"
        )

    page = page_text(
        client.get(reverse("public:registration_group", args=[edition.slug, group.token]))
    )
    page_without = shown("I alt ekskl. moms " + AMOUNT + " ekskl. moms", page)
    page_with = shown("I alt inkl. 25 % moms " + AMOUNT + " inkl. moms", page)
    assert (page_without, page_with) == (Decimal("23970"), Decimal("29962.50"))

    confirmations = [m for m in mail.outbox if "Byrådsmedlem" in m.body]
    assert len(confirmations) == 6
    mailed = sum(
        (shown(r"Kommunalpolitiker \(3\.995 kr\. ekskl\. moms, " + AMOUNT + " inkl. moms",
               m.body) for m in confirmations),
        Decimal(0),
    )  # fmt: skip
    [invoice] = services.issue_due(edition=edition).issued
    assert (page_with, mailed) == (invoice.totals().with_vat,) * 2
    assert files_of(invoice) == (page_with, page_with)
    assert_every_issued_document_passes()


def test_an_exhibitor_is_shown_and_invoiced_the_same(
    client, edition, django_capture_on_commit_callbacks
):
    a1 = make_stand(edition, "A1", price=Decimal("9000"), included_passes=1)
    b1 = make_stand(edition, "B1", price=Decimal("7000"), included_passes=1)
    with django_capture_on_commit_callbacks(execute=True):
        exhibitor = book_stands(
            edition=edition, stand_ids=[a1.pk, b1.pk], details=details(ean=EAN_ODENSE)
        )
    [booking_mail] = [m for m in mail.outbox if m.subject.startswith("Standbooking")]
    for name in ("Anna Berg", "Bo Dahl"):
        add_stand_staff(exhibitor=exhibitor, name=name, email=f"{name[:2]}@example.dk")

    page = page_text(client.get(exhibitor.get_absolute_url()))
    assert shown("Stande " + AMOUNT + " ekskl. moms", page) == Decimal("16000")
    assert shown("Standpersonale, 2 personer " + AMOUNT, page) == Decimal("3800")
    page_with = shown("I alt inkl. 25 % moms " + AMOUNT + " inkl. moms", page)
    assert page_with == Decimal("24750")
    # Free and charged at once no more: each person costs the price, on the same invoice.
    assert "Hver person koster 1.900 kr. ekskl. moms" in page
    assert "inkluderet" not in page

    body = booking_mail.body
    stands = shown("I alt: " + AMOUNT + " ekskl. moms", body)
    per_person = shown(r"koster " + AMOUNT + " ekskl. moms", body)
    mailed = (stands + 2 * per_person) * Decimal("1.25")
    [invoice] = services.issue_due(edition=edition).issued
    assert (page_with, mailed) == (invoice.totals().with_vat,) * 2
    assert files_of(invoice) == (page_with, page_with)
