"""`manage.py apply_retention [--edition SLUG] [--now DATETIME] [--schedule]`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from forsamling.conferences.models import Edition
from forsamling.privacy.retention import apply_retention
from forsamling.privacy.scheduling import schedule_next_run


class Command(BaseCommand):
    help = (
        "Anonymises the personal data whose retention period has ended (the same as the "
        "hourly background task). --now pretends it is that moment."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--edition", metavar="SLUG", help="Only this edition.")
        parser.add_argument(
            "--now",
            metavar="DATETIME",
            help="Pretend it is this moment, e.g. 2026-11-08 or 2026-11-08T03:00 (Danish time).",
        )
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also make sure the hourly background run is waiting in the task queue.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        edition = None
        if options["edition"]:
            edition = Edition.objects.filter(slug=options["edition"]).first()
            if edition is None:
                raise CommandError(f"No edition {options['edition']!r}")
        now = timezone.now()
        if options["now"]:
            now = _moment(options["now"])
        applied = apply_retention(now=now, edition=edition)
        for each in applied:
            self.stdout.write(f"{each.edition}: {each.category}: {each.rows}")
        if not applied:
            self.stdout.write("Nothing due.")
        if options["schedule"]:
            when = schedule_next_run()
            self.stdout.write(
                f"Next run: {timezone.localtime(when):%Y-%m-%d %H:%M}" if when else "Not scheduled."
            )


def _moment(text: str) -> Any:
    moment = parse_datetime(text)
    if moment is None and (day := parse_date(text)) is not None:
        moment = parse_datetime(f"{day.isoformat()}T00:00")
    if moment is None:
        raise CommandError(f"--now: not a date or moment: {text!r}")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment
