"""`manage.py issue_invoices --edition SLUG`: drafts and issues every invoice that is due.

Exits non-zero only when a draft was refused (an invalid EAN, the seller's data incomplete).
A public buyer's draft waiting for its EAN, reference or address is listed and left for an
organiser; drafts another run issued meanwhile are no error: the work is done.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from forsamling.conferences.models import Edition
from forsamling.invoicing import services
from forsamling.invoicing.messages import describe


class Command(BaseCommand):
    help = "Drafts and issues every invoice of the edition that is due (as the back office does)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--edition", required=True, help="the edition's slug, e.g. 2026")
        parser.add_argument("--date", type=date.fromisoformat, help="issue date (default today)")

    def handle(self, *args: Any, **options: Any) -> None:
        edition = Edition.objects.filter(slug=options["edition"]).first()
        if edition is None:
            raise CommandError(f"No edition {options['edition']!r}")
        run = services.issue_due(edition=edition, today=options["date"])
        for invoice in run.issued:
            self.stdout.write(
                f"{invoice.number}  {invoice.buyer_name}  {services.amount_of(invoice)}"
            )
        for invoice, error in run.refused:
            self.stderr.write(f"Ikke udstedt: {invoice.buyer_name}: {describe(error)}")
        for invoice, blocked in run.blocked:
            self.stderr.write(
                f"Venter (kladde {invoice.pk}): {invoice.buyer_name}: {describe(blocked)}"
            )
        if run.taken:
            self.stdout.write(f"{len(run.taken)} draft(s) were issued by another run meanwhile")
        if not (run.issued or run.refused or run.blocked):
            self.stdout.write("Nothing left to issue.")
        self.stdout.write(
            f"{len(run.issued)} issued, {len(run.refused)} refused, {len(run.blocked)} blocked "
            f"(run {run.name})"
        )
        if run.refused:
            raise CommandError(f"{len(run.refused)} invoice(s) could not be issued")
