"""OIOUBL 2.1, the second profile: every document passes the UBL 2.1 schema and the Danish
agency's OIOUBL schematron (version 1.12.2) with no error."""

from __future__ import annotations

from datetime import date

from lxml import etree

from forsamling.invoicing import services, validation
from forsamling.invoicing.models import Invoice
from forsamling.invoicing.oioubl import oioubl_xml
from forsamling.invoicing.ubl import Document
from tests.invoicing.conftest import EAN_AALBORG, EAN_ODENSE, make_exhibitor, people, register

TODAY = date(2026, 3, 2)


def oioubl_of(invoice: Invoice) -> bytes:
    invoice = Invoice.objects.select_related("edition__seller", "credits").get(pk=invoice.pk)
    return oioubl_xml(Document.of(invoice))


def test_invoices_and_credit_notes_pass_the_oioubl_rules(conference):
    people(conference, 3, ean=EAN_AALBORG, person_reference="ABCDE", order_reference="PO-3")
    make_exhibitor(
        conference.edition, ean=EAN_ODENSE, organisation="Odense Kommune",
        stands=[("A1", "12500", 2)], staff=["Anna", "Bo", "Carl"],
    )  # fmt: skip
    issued = services.issue_due(edition=conference.edition, today=TODAY).issued
    note = services.credit_invoice(invoice=issued[0], reason="Prisændring", today=TODAY)
    for document in [*issued, note]:
        report = validation.check_oioubl(oioubl_of(document))
        assert report.ok, f"{document.number}:\n{report}"


def test_oioubl_puts_the_person_reference_in_the_buyers_contact(conference):
    register(conference, "A", ean=EAN_AALBORG, person_reference="ABCDE")
    [invoice] = services.issue_due(edition=conference.edition, today=TODAY).issued
    root = etree.fromstring(oioubl_of(invoice))
    ns = {
        "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
        "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    }
    assert (
        root.findtext("cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ID", namespaces=ns)
        == "ABCDE"
    )
    assert root.findtext("cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", namespaces=ns) == "998.75"


def test_the_oioubl_rules_do_catch_a_broken_file(conference):
    register(conference, "A", ean=EAN_AALBORG)
    [invoice] = services.issue_due(edition=conference.edition, today=TODAY).issued
    broken = oioubl_of(invoice).replace(b">OIOUBL-2.1<", b">OIOUBL-9<")
    report = validation.check_oioubl(broken)
    assert "F-LIB002" in {f.rule for f in report.errors}
