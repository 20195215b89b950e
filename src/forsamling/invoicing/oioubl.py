"""OIOUBL 2.1 files, the Danish profile of UBL, for receivers that still ask for it (NemHandel
accepts it until 2029). Same documents as the Peppol files, in OIOUBL's terms.

OIOUBL differs from Peppol BIS 3 in ways that matter: schemes are named (`DK:CVR`, `GLN`,
`DK:SE`), codes carry their list (`listAgencyID="320"`), every line carries its own VAT,
the person reference goes in the buyer's `Contact/ID`, and `TaxExclusiveAmount` is the VAT
amount, not the amount without VAT.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from lxml import etree

from forsamling.domain import invoicing as rules
from forsamling.invoicing.models import Invoice, InvoiceLine, Seller
from forsamling.invoicing.ubl import (
    Builder,
    Document,
    address_lines,
    line_item,
    line_start,
    monetary_total,
    quantity,
    root_element,
    seller_contact,
    tax_total,
)

AGENCY = "320"  # the Danish agency for digital government, OIOUBL's lists
PROFILE = "Procurement-BilSim-1.0"
PROFILE_SCHEME = "urn:oioubl:id:profileid-1.6"
TAX_SCHEME = {"schemeAgencyID": AGENCY, "schemeID": "urn:oioubl:id:taxschemeid-1.5"}
TAX_CATEGORY = {"schemeAgencyID": AGENCY, "schemeID": "urn:oioubl:id:taxcategoryid-1.3"}
UUID_NAMESPACE = uuid.UUID("6f0d3e6c-5d1c-4b9f-9a43-2f0f8e6b1c2d")


def document_uuid(invoice: Invoice) -> str:
    """Stable per document: the same file comes out each time it is exported."""
    return str(uuid.uuid5(UUID_NAMESPACE, f"{invoice.edition_id}:{invoice.kind}:{invoice.number}"))


def oioubl_xml(document: Document) -> bytes:
    invoice, seller = document.invoice, document.seller
    credit = invoice.is_credit_note
    root = root_element(credit)
    b = Builder()
    totals = document.totals
    b.cbc(root, "UBLVersionID", "2.1")
    b.cbc(root, "CustomizationID", "OIOUBL-2.1")
    b.cbc(root, "ProfileID", PROFILE, schemeAgencyID=AGENCY, schemeID=PROFILE_SCHEME)
    b.cbc(root, "ID", invoice.number)
    b.cbc(root, "CopyIndicator", "false")
    b.cbc(root, "UUID", document_uuid(invoice))
    b.cbc(root, "IssueDate", invoice.issue_date.isoformat())  # type: ignore[union-attr]
    if not credit:
        b.cbc(
            root, "InvoiceTypeCode", "380",
            listAgencyID=AGENCY, listID="urn:oioubl:codelist:invoicetypecode-1.1",
        )  # fmt: skip
    if credit and invoice.reason:
        b.cbc(root, "Note", invoice.reason)
    b.cbc(root, "DocumentCurrencyCode", rules.CURRENCY)
    if invoice.order_reference or not credit:
        order = b.cac(root, "OrderReference")
        b.cbc(order, "ID", invoice.order_reference or invoice.number)
    if credit and invoice.credits:
        reference = b.cac(b.cac(root, "BillingReference"), "InvoiceDocumentReference")
        b.cbc(reference, "ID", invoice.credits.number)
    _seller(b, b.cac(root, "AccountingSupplierParty"), seller)
    _buyer(b, b.cac(root, "AccountingCustomerParty"), invoice)
    if not credit:
        _payment(b, root, invoice, seller)
    tax_total(b, root, totals, _category)
    monetary_total(b, root, totals, tax_exclusive=totals.vat)  # OIOUBL: the VAT amount
    for line in document.lines:
        _line(b, root, line, credit)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _address(b: Builder, party: etree._Element, street: str, postcode: str, city: str) -> None:
    address = b.cac(party, "PostalAddress")
    b.cbc(
        address, "AddressFormatCode", "StructuredLax",
        listAgencyID=AGENCY, listID="urn:oioubl:codelist:addressformatcode-1.1",
    )  # fmt: skip
    address_lines(b, address, street, postcode, city)


def _seller(b: Builder, parent: etree._Element, seller: Seller) -> None:
    party = b.cac(parent, "Party")
    vat_id = seller.vat_id
    b.cbc(party, "EndpointID", vat_id, schemeAgencyID=AGENCY, schemeID="DK:CVR")
    b.cbc(
        b.cac(party, "PartyIdentification"), "ID", vat_id, schemeAgencyID=AGENCY, schemeID="DK:CVR"
    )
    b.cbc(b.cac(party, "PartyName"), "Name", seller.name)
    _address(b, party, seller.street, seller.postcode, seller.city)
    tax = b.cac(party, "PartyTaxScheme")
    b.cbc(tax, "CompanyID", vat_id, schemeAgencyID=AGENCY, schemeID="DK:SE")
    scheme = b.cac(tax, "TaxScheme")
    b.cbc(scheme, "ID", "63", **TAX_SCHEME)
    b.cbc(scheme, "Name", "Moms")
    legal = b.cac(party, "PartyLegalEntity")
    b.cbc(legal, "RegistrationName", seller.name)
    b.cbc(legal, "CompanyID", vat_id, schemeAgencyID=AGENCY, schemeID="DK:CVR")
    contact = b.cac(party, "Contact")
    b.cbc(contact, "ID", seller.contact_email or seller.cvr)
    seller_contact(b, contact, seller)


def _buyer(b: Builder, parent: etree._Element, invoice: Invoice) -> None:
    party = b.cac(parent, "Party")
    if invoice.buyer_ean:
        b.cbc(party, "EndpointID", invoice.buyer_ean, schemeAgencyID="9", schemeID="GLN")
        b.cbc(
            b.cac(party, "PartyIdentification"), "ID", invoice.buyer_ean,
            schemeAgencyID="9", schemeID="GLN",
        )  # fmt: skip
    b.cbc(b.cac(party, "PartyName"), "Name", invoice.buyer_name)
    _address(b, party, invoice.buyer_street, invoice.buyer_postcode, invoice.buyer_city)
    if invoice.buyer_cvr:  # OIOUBL wants a legal entity with its CVR, or none at all
        legal = b.cac(party, "PartyLegalEntity")
        b.cbc(legal, "RegistrationName", invoice.buyer_name)
        cvr = f"DK{invoice.buyer_cvr}"
        b.cbc(legal, "CompanyID", cvr, schemeAgencyID=AGENCY, schemeID="DK:CVR")
    contact = b.cac(party, "Contact")
    b.cbc(contact, "ID", invoice.buyer_reference or invoice.order_reference or "-")


def _payment(b: Builder, root: etree._Element, invoice: Invoice, seller: Seller) -> None:
    means = b.cac(root, "PaymentMeans")
    b.cbc(means, "ID", "1")
    b.cbc(means, "PaymentMeansCode", seller.payment_means)
    b.cbc(means, "PaymentDueDate", invoice.due_date.isoformat())  # type: ignore[union-attr]
    iban = seller.payment_means == "31"
    b.cbc(
        means, "PaymentChannelCode", "IBAN" if iban else "DK:BANK",
        listAgencyID=AGENCY, listID="urn:oioubl:codelist:paymentchannelcode-1.1",
    )  # fmt: skip
    account = b.cac(means, "PayeeFinancialAccount")
    b.cbc(account, "ID", "".join(seller.bank_account.split()))
    branch = b.cac(account, "FinancialInstitutionBranch")
    if iban:
        b.cbc(b.cac(branch, "FinancialInstitution"), "ID", seller.bank_branch.strip())
    else:
        b.cbc(branch, "ID", seller.bank_branch.strip())
    terms = b.cac(root, "PaymentTerms")
    b.cbc(terms, "ID", "1")
    b.cbc(terms, "PaymentMeansID", "1")
    b.money(terms, "Amount", rules.totals(line.rule_line for line in invoice.lines.all()).with_vat)


def _category(b: Builder, parent: etree._Element, rate: Decimal) -> None:
    category = b.cac(parent, "TaxCategory")
    b.cbc(category, "ID", "StandardRated", **TAX_CATEGORY)
    b.cbc(category, "Percent", quantity(rate))
    scheme = b.cac(category, "TaxScheme")
    b.cbc(scheme, "ID", "63", **TAX_SCHEME)
    b.cbc(scheme, "Name", "Moms")


def _line(b: Builder, root: etree._Element, line: InvoiceLine, credit: bool) -> None:
    element = line_start(b, root, line, credit, unit_code="EA")
    tax_total(b, element, rules.totals([line.rule_line]), _category)  # OIOUBL: VAT per line
    item = line_item(b, element, line)
    b.cbc(b.cac(item, "SellersItemIdentification"), "ID", line.kind)
    price = b.cac(element, "Price")
    b.money(price, "PriceAmount", line.unit_price)
    b.cbc(price, "BaseQuantity", "1", unitCode="EA")
