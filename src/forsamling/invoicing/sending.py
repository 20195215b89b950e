"""Sending issued invoices to buyers: a pluggable backend, the default writes files.

The interface, for a backend that hands files to a Peppol access point (or e-mails PDFs):

    class MyBackend:
        def send(self, outgoing: Outgoing) -> None: ...

`outgoing.invoice` is the issued invoice or credit note; `outgoing.files` its files: for a
buyer with an EAN number the XML in the buyer's format (Peppol BIS 3 unless the buyer asked
for OIOUBL 2.1), validated against the schema and the official rules; for a buyer without
one the Danish PDF. `send` raises to have the task retried
or reported; it is called once per document after the transaction that issued it, from
the background worker. Name the class in the setting `FORSAMLING_INVOICE_BACKEND` (dotted
path). Nothing in this project sends to a third party.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from forsamling.invoicing import exports
from forsamling.invoicing.models import Invoice
from forsamling.invoicing.ubl import Document


@dataclass(frozen=True)
class OutgoingFile:
    name: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class Outgoing:
    invoice: Invoice
    files: tuple[OutgoingFile, ...]

    @property
    def channel(self) -> str:
        """'peppol' or 'oioubl' (by EAN through NemHandel / Peppol), or 'pdf'."""
        return self.invoice.electronic_format if self.invoice.sent_as_peppol else "pdf"


class Backend(Protocol):
    def send(self, outgoing: Outgoing) -> None: ...


def outgoing(invoice: Invoice) -> Outgoing:
    """The file to send; XML is refused (InvalidInvoiceFile) unless the official rules pass it."""
    document = Document.of(invoice)
    kind = exports.Format(invoice.electronic_format if invoice.sent_as_peppol else "pdf")
    file = OutgoingFile(
        exports.file_name(invoice, kind),
        exports.render(document, kind),
        exports.CONTENT_TYPES[kind],
    )
    return Outgoing(invoice=invoice, files=(file,))


class FileBackend:
    """Writes each document's files to `FORSAMLING_INVOICE_OUTBOX/<edition>/`, for the
    finance department to pick up (or an access point's folder to watch)."""

    def send(self, outgoing: Outgoing) -> None:
        folder = Path(settings.FORSAMLING_INVOICE_OUTBOX) / outgoing.invoice.edition.slug
        folder.mkdir(parents=True, exist_ok=True)
        for file in outgoing.files:
            path = folder / file.name
            temporary = path.with_suffix(path.suffix + ".part")
            temporary.write_bytes(file.content)
            temporary.replace(path)  # a watcher never sees half a file


def backend() -> Backend:
    backend_class = import_string(settings.FORSAMLING_INVOICE_BACKEND)
    return backend_class()


def send_invoice(invoice_id: int) -> None:
    invoice = (
        Invoice.objects.select_related("edition__seller", "credits").filter(pk=invoice_id).first()
    )
    if invoice is None or invoice.sent_at is not None or invoice.state == "draft":
        return
    message = outgoing(invoice)
    backend().send(message)
    [file] = message.files
    mark_sent(invoice, name=file.name, content=file.content)


@task()
def send_invoice_task(invoice_id: int) -> None:
    """Invoicing's task (`manage.py db_worker` runs it), enqueued by the services after the
    transaction that issued the invoice or credit note."""
    send_invoice(invoice_id)


def mark_sent(invoice: Invoice, *, name: str, content: bytes) -> None:
    """Records when the document went out, and keeps the file as it was sent."""
    invoice.sent_file.save(name, ContentFile(content), save=False)
    now = timezone.now()
    Invoice.objects.filter(pk=invoice.pk, sent_at__isnull=True).update(
        sent_at=now, sent_file=invoice.sent_file.name, updated_at=now
    )
