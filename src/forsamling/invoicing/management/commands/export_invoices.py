"""`manage.py export_invoices --edition SLUG --out DIR`: every issued invoice and credit note
of the edition as `<number>.xml` (Peppol BIS 3, for buyers with an EAN number) and
`<number>.pdf`, each XML file checked against the official rules before it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from forsamling.conferences.models import Edition
from forsamling.invoicing import queries
from forsamling.invoicing.exports import Format, write_folder
from forsamling.invoicing.validation import InvalidInvoiceFile


class Command(BaseCommand):
    help = "Writes every issued invoice and credit note of the edition as XML and PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--edition", required=True)
        parser.add_argument("--out", required=True, type=Path)
        parser.add_argument(
            "--profile",
            choices=[Format.PEPPOL.value, Format.OIOUBL.value],
            default=Format.PEPPOL.value,
            help="peppol: <number>.xml (default); oioubl: <number>.oioubl.xml",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        edition = Edition.objects.filter(slug=options["edition"]).first()
        if edition is None:
            raise CommandError(f"No edition {options['edition']!r}")
        invoices = queries.issued(edition)
        try:
            written = write_folder(invoices, Path(options["out"]), xml=Format(options["profile"]))
        except InvalidInvoiceFile as error:
            raise CommandError(f"A file failed the official rules:\n{error}") from error
        self.stdout.write(f"{len(invoices)} documents, {len(written)} files in {options['out']}")
