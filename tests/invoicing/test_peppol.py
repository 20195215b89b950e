"""Every invoice and credit note the scenarios produce passes the UBL 2.1 schema and the
official CEN EN16931 and Peppol BIS Billing 3.0 rules with no fatal error."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from lxml import etree

from forsamling.invoicing import services, validation
from forsamling.invoicing.models import Buyer, Invoice
from forsamling.invoicing.ubl import CBC, Document, peppol_xml
from forsamling.registration.models import GroupBooking, Registration
from forsamling.registration.services import (
    cancel_registration,
)
from tests.invoicing.conftest import (
    EAN_AALBORG,
    EAN_ODENSE,
    hand_over_to_a_colleague,
    make_exhibitor,
    people,
    register,
)

TODAY = date(2026, 3, 2)
NS = {"cbc": CBC, "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"}


def xml_of(invoice: Invoice) -> bytes:
    invoice = Invoice.objects.select_related("edition__seller", "credits").get(pk=invoice.pk)
    return peppol_xml(Document.of(invoice))


def assert_passes(invoice: Invoice) -> etree._Element:
    xml = xml_of(invoice)
    report = validation.check_peppol(xml)
    assert report.ok, f"{invoice.number}:\n{report}"
    return etree.fromstring(xml)


def issue(edition):
    run = services.issue_due(edition=edition, today=TODAY)
    assert not run.refused, run.refused
    return run.issued


def text(root, path):
    return root.findtext(path, namespaces=NS)


def test_the_forum_price_with_moms_to_the_ore(conference):
    register(conference, "Aase Ørum", ean=EAN_AALBORG, person_reference="AAOER")
    [invoice] = issue(conference.edition)
    root = assert_passes(invoice)
    assert text(root, "cbc:ID") == "FORUM2026-0001"
    assert text(root, "cbc:DueDate") == "2026-04-01"
    assert text(root, "cac:TaxTotal/cbc:TaxAmount") == "998.75"
    assert text(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == "4993.75"
    assert text(root, "cbc:BuyerReference") == "AAOER"
    seller = "cac:AccountingSupplierParty/cac:Party/"
    assert text(root, seller + "cac:PartyTaxScheme/cbc:CompanyID") == "DK55133018"
    legal = root.find(seller + "cac:PartyLegalEntity/cbc:CompanyID", NS)
    assert (legal.text, legal.get("schemeID")) == ("55133018", "0184")
    endpoint = root.find("cac:AccountingCustomerParty/cac:Party/cbc:EndpointID", NS)
    assert (endpoint.text, endpoint.get("schemeID")) == (EAN_AALBORG, "0088")
    assert text(root, "cac:PaymentMeans/cbc:PaymentMeansCode") == "42"


def test_a_group_of_thirty_on_one_invoice(conference):
    group = GroupBooking.objects.create(
        edition=conference.edition, organisation="Aalborg Kommune",
        secretary_name="Sekretær Sørensen", secretary_email="s@aalborg.dk",
    )  # fmt: skip
    members = people(conference, 30, ean=EAN_AALBORG, order_reference="PO-30")
    Registration.objects.filter(pk__in=[m.pk for m in members]).update(group=group)
    [invoice] = issue(conference.edition)
    root = assert_passes(invoice)
    assert len(root.findall("cac:InvoiceLine", NS)) == 30
    assert text(root, "cac:OrderReference/cbc:ID") == "PO-30"
    assert text(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == "149812.50"


def test_a_late_cancellation_fee(conference):
    r = register(conference, "Sen Afmelder", ean=EAN_AALBORG)
    conference.edition.cancellation_deadline = timezone.now() - timedelta(days=1)
    conference.edition.save()
    cancel_registration(registration=r)
    [invoice] = issue(conference.edition)
    root = assert_passes(invoice)
    assert text(root, "cac:InvoiceLine/cac:Item/cbc:Name").startswith("Afbudsgebyr: ")


def test_a_hand_over_credit_note_and_reissue(conference):
    r = register(conference, "Gammel Navn", ean=EAN_AALBORG, order_reference="PO-1")
    [invoice] = issue(conference.edition)
    hand_over_to_a_colleague(r)
    note = services.credit_invoice(invoice=invoice, reason="Overdragelse af plads", today=TODAY)
    [reissued] = issue(conference.edition)

    credit = assert_passes(note)
    assert etree.QName(credit).localname == "CreditNote"
    assert text(credit, "cbc:CreditNoteTypeCode") == "381"
    assert text(credit, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID") == (
        invoice.number
    )
    assert text(credit, "cac:LegalMonetaryTotal/cbc:PayableAmount") == "4993.75"  # not negative
    assert text(assert_passes(reissued), "cac:InvoiceLine/cac:Item/cbc:Name").startswith("Ny Kol")


def test_exhibitors_stands_and_extra_stand_staff(conference):
    make_exhibitor(
        conference.edition, ean=EAN_ODENSE, organisation="Odense Kommune, Sundhed",
        stands=[("A1", "12500", 2)], staff=["Anna", "Bo", "Carl"],
    )  # fmt: skip
    [invoice] = issue(conference.edition)
    root = assert_passes(invoice)
    assert len(root.findall("cac:InvoiceLine", NS)) == 4
    assert text(root, "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID")


def test_iban_payment_and_one_order_one_invoice(conference):
    conference.seller.payment_means = "31"
    conference.seller.bank_account = "DK50 0040 0440 1162 43"
    conference.seller.bank_branch = "DABADKKK"
    conference.seller.save()
    Buyer.objects.create(
        edition=conference.edition, name="Aalborg Kommune", ean=EAN_AALBORG,
        one_order_one_invoice=True, street="Boulevarden 13", postcode="9000", city="Aalborg",
        cvr="29189420",
    )  # fmt: skip
    for name in ("Bo", "Carl", "Dorte"):
        register(conference, name, ean=EAN_AALBORG, order_reference="PO-9")
    [invoice] = issue(conference.edition)
    root = assert_passes(invoice)
    assert text(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID") == "DK5000400440116243"


@pytest.mark.parametrize(
    ("price", "vat", "payable"),
    [("3995", "998.75", "4993.75"), ("1900.50", "475.13", "2375.63"), ("0.02", "0.01", "0.03")],
)
def test_rounding_to_the_ore_passes_the_cen_rules(conference, price, vat, payable):
    conference.politician.price = Decimal(price)
    conference.politician.save()
    register(conference, "A", ean=EAN_AALBORG)
    [invoice] = issue(conference.edition)
    root = assert_passes(invoice)
    assert text(root, "cac:TaxTotal/cbc:TaxAmount") == vat
    assert text(root, "cac:LegalMonetaryTotal/cbc:PayableAmount") == payable


def test_the_rules_do_catch_a_broken_file(conference):
    """The validation can fail: a payment without the bank's registration number (DK-R-006),
    totals that do not add up (BR-CO-15) and an element the schema does not know."""
    register(conference, "A", ean=EAN_AALBORG)
    [invoice] = issue(conference.edition)
    root = etree.fromstring(xml_of(invoice))
    branch = root.find(
        "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch", NS
    )
    branch.getparent().remove(branch)
    root.find("cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", NS).text = "4993.76"
    etree.SubElement(root, f"{{{CBC}}}Bogus").text = "x"
    report = validation.check_peppol(etree.tostring(root))
    rules = {finding.rule for finding in report.errors}
    assert {"DK-R-006", "BR-CO-15", "UBL-2.1-XSD"} <= rules, rules


def test_the_official_examples_pass():
    """The validator against OpenPEPPOL's own examples (shipped in the rules' folder)."""
    from pathlib import Path

    examples = Path(__file__).parent / "examples"
    for example in sorted(examples.glob("*.xml")):
        assert validation.check_peppol(example.read_bytes()).ok, example.name
