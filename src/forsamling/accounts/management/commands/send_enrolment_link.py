"""`manage.py send_enrolment_link USERNAME`: the first organiser's link to set up TOTP."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from forsamling.accounts.services import issue_enrolment


class Command(BaseCommand):
    help = "E-mails a staff user a one-time link to set up their second factor, and prints it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None or not user.is_staff:
            raise CommandError("No staff user with that user name.")
        self.stdout.write(issue_enrolment(user=user, by=None))
