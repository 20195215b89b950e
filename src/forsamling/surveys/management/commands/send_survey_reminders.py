"""`manage.py send_survey_reminders`: the one reminder to those who have not answered, and the
invitations of closed surveys forgotten. Safe to run every hour, twice, or two at once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from forsamling.surveys.services import forget_recipients, send_reminders


class Command(BaseCommand):
    help = "Sends the survey reminders that are due and forgets the closed surveys' recipients."

    def handle(self, *args: Any, **options: Any) -> None:
        reminded = send_reminders()
        forgotten = forget_recipients()
        self.stdout.write(f"{reminded} reminders queued, {forgotten} rows forgotten")
