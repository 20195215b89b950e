"""The invoice or credit note as a Danish PDF (WeasyPrint): the copy for e-mail, and the
invoice itself for a buyer without an EAN number."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from forsamling.domain.invoicing import format_amount
from forsamling.invoicing.ubl import Document


def invoice_html(document: Document) -> str:
    totals = document.totals
    with translation.override("da"):
        return render_to_string(
            "invoicing/pdf.html",
            {
                "doc": document.invoice,
                "seller": document.seller,
                "lines": [
                    {
                        "line": line,
                        "unit_price": format_amount(line.unit_price),
                        "net": format_amount(line.net),
                        "quantity": format_amount(line.quantity).removesuffix(",00"),
                    }
                    for line in document.lines
                ],
                "breakdown": [
                    {
                        "rate": format_amount(part.rate).removesuffix(",00"),
                        "taxable": format_amount(part.taxable),
                        "vat": format_amount(part.vat),
                    }
                    for part in totals.breakdown
                ],
                "lines_total": format_amount(totals.lines),
                "vat": format_amount(totals.vat),
                "total": format_amount(totals.with_vat),
            },
        )


def invoice_pdf(document: Document) -> bytes:
    return bytes(HTML(string=invoice_html(document)).write_pdf())
