"""Peppol BIS Billing 3.0 UBL files: an Invoice (380) or a CreditNote (381) per document.

What the Danish rules ask of a Danish seller: its CVR number as the legal entity's
`CompanyID` with scheme 0184 (DK-R-002, DK-R-014), its VAT number as `DK` + the CVR number,
and a payment means code from the Danish list (DK-R-005), with the account and the bank
registration number for codes 31 and 42 (DK-R-006). The buyer's electronic address is its
EAN (GLN, scheme 0088): that is how NemHandel routes the file to the municipality.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from forsamling.domain import invoicing as rules
from forsamling.invoicing.models import Invoice, InvoiceLine, Seller

CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
GLN = "0088"
DK_CVR = "0184"
UNIT_ONE = "C62"  # UN/ECE rec. 20: one (piece)


def amount(value: Decimal) -> str:
    return f"{value:.2f}"


def quantity(value: Decimal) -> str:
    return format(value.normalize(), "f")


class Builder:
    """Appends UBL elements in schema order: `b.cbc(parent, "ID", "1", schemeID="0088")`."""

    def cac(self, parent: etree._Element, name: str) -> etree._Element:
        return etree.SubElement(parent, f"{{{CAC}}}{name}")

    def cbc(
        self, parent: etree._Element, name: str, text: str, **attributes: str
    ) -> etree._Element:
        element = etree.SubElement(parent, f"{{{CBC}}}{name}", attributes)
        element.text = text
        return element

    def money(self, parent: etree._Element, name: str, value: Decimal) -> etree._Element:
        return self.cbc(parent, name, amount(value), currencyID=rules.CURRENCY)


@dataclass(frozen=True)
class Document:
    """An issued invoice or credit note with its lines and seller, read once."""

    invoice: Invoice
    lines: Sequence[InvoiceLine]
    seller: Seller

    @classmethod
    def of(cls, invoice: Invoice) -> Document:
        return cls(invoice, list(invoice.lines.all()), invoice.edition.seller)

    @property
    def totals(self) -> rules.Totals:
        return rules.totals(line.rule_line for line in self.lines)


def peppol_xml(document: Document) -> bytes:
    """The Peppol BIS Billing 3.0 file of an issued invoice or credit note."""
    invoice, seller = document.invoice, document.seller
    credit = invoice.is_credit_note
    root = root_element(credit)
    b = Builder()
    b.cbc(root, "CustomizationID", CUSTOMIZATION)
    b.cbc(root, "ProfileID", PROFILE)
    b.cbc(root, "ID", invoice.number)
    b.cbc(root, "IssueDate", invoice.issue_date.isoformat())  # type: ignore[union-attr]
    if not credit and invoice.due_date:
        b.cbc(root, "DueDate", invoice.due_date.isoformat())
    b.cbc(root, "CreditNoteTypeCode" if credit else "InvoiceTypeCode", "381" if credit else "380")
    if credit and invoice.reason:
        b.cbc(root, "Note", invoice.reason)
    b.cbc(root, "DocumentCurrencyCode", rules.CURRENCY)
    if invoice.buyer_reference:
        b.cbc(root, "BuyerReference", invoice.buyer_reference)
    if invoice.order_reference:
        b.cbc(b.cac(root, "OrderReference"), "ID", invoice.order_reference)
    if credit and invoice.credits:
        reference = b.cac(b.cac(root, "BillingReference"), "InvoiceDocumentReference")
        b.cbc(reference, "ID", invoice.credits.number)
        b.cbc(reference, "IssueDate", invoice.credits.issue_date.isoformat())  # type: ignore[union-attr]
    _seller(b, b.cac(root, "AccountingSupplierParty"), seller)
    _buyer(b, b.cac(root, "AccountingCustomerParty"), invoice)
    if not credit:
        _payment(b, root, invoice, seller)
    totals = document.totals
    tax_total(b, root, totals, _tax_category)
    monetary_total(b, root, totals, tax_exclusive=totals.without_vat)
    for line in document.lines:
        _line(b, root, line, credit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def root_element(credit: bool) -> etree._Element:
    """The document's root: an Invoice, or a CreditNote (both profiles)."""
    namespace = CREDIT_NOTE_NS if credit else INVOICE_NS
    return etree.Element(
        f"{{{namespace}}}{'CreditNote' if credit else 'Invoice'}",
        nsmap={None: namespace, "cac": CAC, "cbc": CBC},
    )


def _address(b: Builder, party: etree._Element, street: str, postcode: str, city: str) -> None:
    address_lines(b, b.cac(party, "PostalAddress"), street, postcode, city)


def address_lines(
    b: Builder, address: etree._Element, street: str, postcode: str, city: str
) -> None:
    """A `PostalAddress`'s street, city and postcode, each where known, and its country (both
    profiles; OIOUBL puts its format code before them)."""
    if street:
        b.cbc(address, "StreetName", street)
    if city:
        b.cbc(address, "CityName", city)
    if postcode:
        b.cbc(address, "PostalZone", postcode)
    b.cbc(b.cac(address, "Country"), "IdentificationCode", "DK")


def _seller(b: Builder, parent: etree._Element, seller: Seller) -> None:
    party = b.cac(parent, "Party")
    b.cbc(party, "EndpointID", seller.cvr, schemeID=DK_CVR)
    b.cbc(b.cac(party, "PartyName"), "Name", seller.name)
    _address(b, party, seller.street, seller.postcode, seller.city)
    tax = b.cac(party, "PartyTaxScheme")
    b.cbc(tax, "CompanyID", seller.vat_id)
    b.cbc(b.cac(tax, "TaxScheme"), "ID", "VAT")
    legal = b.cac(party, "PartyLegalEntity")
    b.cbc(legal, "RegistrationName", seller.name)
    b.cbc(legal, "CompanyID", seller.cvr, schemeID=DK_CVR)
    if seller.contact_name or seller.contact_phone or seller.contact_email:
        contact = b.cac(party, "Contact")
        seller_contact(b, contact, seller)


def seller_contact(b: Builder, contact: etree._Element, seller: Seller) -> None:
    """The seller's contact person, telephone and e-mail, each where known (both profiles)."""
    for name, value in (
        ("Name", seller.contact_name),
        ("Telephone", seller.contact_phone),
        ("ElectronicMail", seller.contact_email),
    ):
        if value:
            b.cbc(contact, name, value)


def _buyer(b: Builder, parent: etree._Element, invoice: Invoice) -> None:
    party = b.cac(parent, "Party")
    if invoice.buyer_ean:
        b.cbc(party, "EndpointID", invoice.buyer_ean, schemeID=GLN)
        b.cbc(b.cac(party, "PartyIdentification"), "ID", invoice.buyer_ean, schemeID=GLN)
    b.cbc(b.cac(party, "PartyName"), "Name", invoice.buyer_name)
    _address(b, party, invoice.buyer_street, invoice.buyer_postcode, invoice.buyer_city)
    legal = b.cac(party, "PartyLegalEntity")
    b.cbc(legal, "RegistrationName", invoice.buyer_name)
    if invoice.buyer_cvr:
        b.cbc(legal, "CompanyID", invoice.buyer_cvr, schemeID=DK_CVR)
    if invoice.buyer_reference:
        b.cbc(b.cac(party, "Contact"), "Name", invoice.buyer_reference)


def _payment(b: Builder, root: etree._Element, invoice: Invoice, seller: Seller) -> None:
    means = b.cac(root, "PaymentMeans")
    b.cbc(means, "PaymentMeansCode", seller.payment_means)
    b.cbc(means, "PaymentID", invoice.number)
    account = b.cac(means, "PayeeFinancialAccount")
    b.cbc(account, "ID", "".join(seller.bank_account.split()))
    b.cbc(account, "Name", seller.name)
    b.cbc(b.cac(account, "FinancialInstitutionBranch"), "ID", seller.bank_branch.strip())
    b.cbc(
        b.cac(root, "PaymentTerms"),
        "Note",
        f"Netto {invoice.payment_terms_days} dage. "
        f"Angiv fakturanummer {invoice.number} ved betaling.",
    )


def _tax_category(
    b: Builder, parent: etree._Element, rate: Decimal, name: str = "TaxCategory"
) -> None:
    category = b.cac(parent, name)
    b.cbc(category, "ID", "S")  # standard rate
    b.cbc(category, "Percent", quantity(rate))
    b.cbc(b.cac(category, "TaxScheme"), "ID", "VAT")


def tax_total(
    b: Builder,
    parent: etree._Element,
    totals: rules.Totals,
    category: Callable[[Builder, etree._Element, Decimal], None],
) -> None:
    """A `TaxTotal`: the VAT, and a subtotal per rate with the profile's tax category."""
    total = b.cac(parent, "TaxTotal")
    b.money(total, "TaxAmount", totals.vat)
    for part in totals.breakdown:
        subtotal = b.cac(total, "TaxSubtotal")
        b.money(subtotal, "TaxableAmount", part.taxable)
        b.money(subtotal, "TaxAmount", part.vat)
        category(b, subtotal, part.rate)


def monetary_total(
    b: Builder, root: etree._Element, totals: rules.Totals, *, tax_exclusive: Decimal
) -> None:
    """The document's `LegalMonetaryTotal`; the profiles differ in what `TaxExclusiveAmount`
    is (Peppol: the amount without VAT; OIOUBL: the VAT)."""
    monetary = b.cac(root, "LegalMonetaryTotal")
    b.money(monetary, "LineExtensionAmount", totals.lines)
    b.money(monetary, "TaxExclusiveAmount", tax_exclusive)
    b.money(monetary, "TaxInclusiveAmount", totals.with_vat)
    b.money(monetary, "PayableAmount", totals.with_vat)


def line_start(
    b: Builder, root: etree._Element, line: InvoiceLine, credit: bool, *, unit_code: str
) -> etree._Element:
    """An `InvoiceLine` (a `CreditNoteLine` in a credit note) with its number, quantity and
    amount: what both profiles' lines begin with."""
    element = b.cac(root, "CreditNoteLine" if credit else "InvoiceLine")
    b.cbc(element, "ID", str(line.position))
    b.cbc(
        element,
        "CreditedQuantity" if credit else "InvoicedQuantity",
        quantity(line.quantity),
        unitCode=unit_code,
    )
    b.money(element, "LineExtensionAmount", line.net)
    return element


def line_item(b: Builder, element: etree._Element, line: InvoiceLine) -> etree._Element:
    """The line's `Item`: its note, where there is one, and its name (both profiles)."""
    item = b.cac(element, "Item")
    if line.note:
        b.cbc(item, "Description", line.note)
    b.cbc(item, "Name", line.description[:200])
    return item


def _line(b: Builder, root: etree._Element, line: InvoiceLine, credit: bool) -> None:
    element = line_start(b, root, line, credit, unit_code=UNIT_ONE)
    item = line_item(b, element, line)
    _tax_category(b, item, line.vat_rate, name="ClassifiedTaxCategory")
    b.money(b.cac(element, "Price"), "PriceAmount", line.unit_price)
