"""Invoices under the privacy rules: bookkeeping law first, then gone.

An issued invoice is a bookkeeping record (bogføringsloven § 10 and § 12): kept unaltered, the
file as sent included, for 5 years from the end of its financial year. So an erasure leaves
issued invoices as they are and minimises only drafts, which may still change: the person's
name leaves their lines and the buyer's reference. On an issued invoice's own date the
retention deletes its file and the names in its rows; the amounts stay for the figures.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Q

from forsamling.conferences.models import Edition
from forsamling.domain.retention import RetentionPolicy, invoice_deletion_date
from forsamling.invoicing.models import Invoice, InvoiceLine, State
from forsamling.privacy import registry
from forsamling.privacy.redact import redact


def _lines_of(person: registry.Person) -> Q:
    q = Q(registration_id__in=list(person.registration_ids))
    for mention in person.mentions:
        q |= Q(description__icontains=mention)
    return q


def minimise_drafts(person: registry.Person, now: datetime) -> int:
    """A draft's lines and reference lose the person's name (a line says what it is for)."""
    count = 0
    drafts = InvoiceLine.objects.filter(invoice__state=State.DRAFT).filter(_lines_of(person))
    for line in drafts.select_related("invoice"):
        line.description = redact(line.description, person.mentions)
        line.save(update_fields=["description"])
        count += 1
    references = Q(pk__in=[])
    for mention in person.mentions:
        references |= Q(buyer_reference__icontains=mention)
    for invoice in Invoice.objects.filter(state=State.DRAFT).filter(references):
        invoice.buyer_reference = redact(invoice.buyer_reference, person.mentions)
        invoice.save(update_fields=["buyer_reference"])
        count += 1
    return count


def issued_lines_of(person: registry.Person) -> list[InvoiceLine]:
    """For the export: the issued invoices' lines that name the person."""
    return list(
        InvoiceLine.objects.exclude(invoice__state=State.DRAFT)
        .filter(_lines_of(person))
        .select_related("invoice")
    )


def expire_invoices(edition: Edition, policy: RetentionPolicy, today: date) -> int:
    """Issued invoices past their date: the file goes, and the names in the rows. Returns how
    many changed (none on a second run)."""
    last_year_due = next(
        year for year in range(today.year, 1900, -1) if invoice_deletion_date(policy, year) <= today
    )
    count = 0
    due = Invoice.objects.filter(edition=edition, issue_date__year__lte=last_year_due).exclude(
        state=State.DRAFT
    )
    for invoice in due.prefetch_related("lines"):
        changed = bool(invoice.sent_file or invoice.buyer_reference)
        if invoice.sent_file:
            invoice.sent_file.delete(save=False)
        invoice.buyer_reference = ""
        invoice.save(update_fields=["sent_file", "buyer_reference"])
        for line in invoice.lines.all():
            anonymous = f"[{line.get_kind_display()}]"
            if line.description != anonymous:
                line.description = anonymous
                line.save(update_fields=["description"])
                changed = True
        count += changed
    return count


def register() -> None:
    registry.ERASERS.setdefault("invoicing.InvoiceLine", minimise_drafts)
    registry.ERASERS.setdefault("invoicing.Invoice", lambda person, now: 0)  # with the lines
    registry.FINDERS.setdefault(
        "invoicing.InvoiceLine",
        lambda person: InvoiceLine.objects.filter(_lines_of(person)),
    )
