"""Invoicing's personal data (collected by `forsamling.privacy.registry`).

Issued invoices are bookkeeping records (bogføringsloven § 10 and § 12: kept unaltered for 5
years from the end of the financial year). An erasure leaves them as they are, minimises the
drafts that may still change, and the retention removes the files and the names in the rows
on the invoice's own date (`forsamling.privacy.invoices`).
"""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "invoicing.Invoice",
        ("buyer_reference", "sent_file"),
        Erasure.KEEP_MINIMISED,
        "Bookkeeping law keeps an issued invoice for 5 years; drafts lose the person's name at "
        "once, issued invoices on their date.",
        contains=("buyer_reference",),
    ),
    Declaration(
        "invoicing.InvoiceLine",
        ("description",),
        Erasure.KEEP_MINIMISED,
        "Bookkeeping law keeps an issued invoice's lines for 5 years; drafts lose the name at "
        "once, issued lines on their date.",
        by_registration=("registration",),
        contains=("description",),
        shown=("invoice",),
    ),
    Declaration(
        "invoicing.Buyer",
        ("email",),
        Erasure.ANONYMISE,
        "The buyer (an organisation) stays; an invoice address that is a person's goes.",
        by_email=("email",),
    ),
    Declaration(
        "invoicing.Seller",
        ("contact_name", "contact_email", "contact_phone"),
        Erasure.KEEP_MINIMISED,
        "The organiser's own contact printed on every invoice (a staff member, by the "
        "organiser's choice); changed by the organiser.",
    ),
]

NOT_PERSONAL = {
    "invoicing.PublicBuyer": (
        "The public list of municipalities and regions (a town hall's name, CVR, address and "
        "EAN): organisations, no person."
    ),
}
