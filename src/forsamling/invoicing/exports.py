"""The files of issued invoices and credit notes, for the finance department: one document
as Peppol XML, OIOUBL XML or PDF, a folder of them, or a ZIP of a run.

Each XML file is checked against the official rules before it is handed out; a file that
fails them is never written (InvalidInvoiceFile).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

from forsamling.invoicing import validation
from forsamling.invoicing.models import Invoice
from forsamling.invoicing.oioubl import oioubl_xml
from forsamling.invoicing.pdf import invoice_pdf
from forsamling.invoicing.ubl import Document, peppol_xml


class Format(StrEnum):
    PEPPOL = "peppol"
    OIOUBL = "oioubl"
    PDF = "pdf"


CONTENT_TYPES = {
    Format.PEPPOL: "application/xml",
    Format.OIOUBL: "application/xml",
    Format.PDF: "application/pdf",
}


def file_name(invoice: Invoice, kind: Format) -> str:
    suffix = {Format.PEPPOL: ".xml", Format.OIOUBL: ".oioubl.xml", Format.PDF: ".pdf"}[kind]
    return f"{invoice.number}{suffix}"


def render(document: Document, kind: Format) -> bytes:
    """One file of an issued document; XML only after the rules have passed it."""
    if kind == Format.PDF:
        return invoice_pdf(document)
    if kind == Format.PEPPOL:
        content = peppol_xml(document)
        validation.require_valid(validation.check_peppol(content))
    else:
        content = oioubl_xml(document)
        validation.require_valid(validation.check_oioubl(content))
    return content


def formats_for(invoice: Invoice, *, xml: Format = Format.PEPPOL) -> list[Format]:
    """The XML (for a buyer with an EAN number: electronic invoices go by EAN) and the PDF."""
    return [xml, Format.PDF] if invoice.buyer_ean else [Format.PDF]


def documents(invoices: Iterable[Invoice]) -> Iterable[Document]:
    for invoice in invoices:
        yield Document.of(invoice)


def write_folder(
    invoices: Iterable[Invoice], folder: Path, *, xml: Format = Format.PEPPOL
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for document in documents(invoices):
        for kind in formats_for(document.invoice, xml=xml):
            path = folder / file_name(document.invoice, kind)
            path.write_bytes(render(document, kind))
            written.append(path)
    return written


def sent_kind(invoice: Invoice, *, xml: Format = Format.PEPPOL) -> Format:
    """What goes to the buyer: the XML for a buyer with an EAN number, else the PDF."""
    return xml if invoice.buyer_ean else Format.PDF


def zip_of(invoices: Iterable[Invoice], *, xml: Format = Format.PEPPOL) -> bytes:
    """One file per document, as it goes to the buyer: the XML (in the profile asked for) for
    a buyer with an EAN number, else the PDF, read from the copy kept when it was sent (a PDF
    takes the better part of a second to lay out; the XML is made again in milliseconds)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for invoice in invoices:
            kind = sent_kind(invoice, xml=xml)
            name = file_name(invoice, kind)
            if invoice.sent_file and (invoice.sent_file.name or "").endswith("/" + name):
                with invoice.sent_file.open("rb") as sent:
                    content = sent.read()
            else:
                content = render(Document.of(invoice), kind)
            archive.writestr(name, content)
    return buffer.getvalue()
