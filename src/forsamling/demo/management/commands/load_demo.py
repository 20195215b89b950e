"""`manage.py load_demo`: the seeds' editions and a demo organiser, safe to run again."""

from __future__ import annotations

import os
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.demo.edition import load_demo_edition
from forsamling.demo.load import load_seed_editions
from forsamling.demo.preference_round import load_demo_round
from forsamling.demo.prize import load_decided_prize, load_demo_prize
from forsamling.demo.survey import load_demo_survey
from forsamling.domain.danish import format_moment
from forsamling.exhibitors.demo import load_demo_stands
from forsamling.invoicing.demo import load_demo_seller

DEMO_USERNAME = "arrangoer"
DEMO_PASSWORD = os.environ.get("FORSAMLING_DEMO_PASSWORD", "forum-demo-2026")


class Command(BaseCommand):
    help = "Loads the demo editions built from the seeds and a demo organiser login."

    def handle(self, *args: Any, **options: Any) -> None:
        for edition, created in load_seed_editions():
            state = "created" if created else "already there, left as it is"
            self.stdout.write(f"{edition.title}: {state}")
        demo, created = load_demo_edition(timezone.now())
        opens = format_moment(demo.registration_opens_at) if demo.registration_opens_at else "-"
        self.stdout.write(
            f"{demo.title}: {'created' if created else 'already there'}; tilmelding åbner {opens}"
        )
        if (round := load_demo_round(demo, timezone.now())) is not None:
            self.stdout.write(f"{demo.title}: prioritering af “{round.title}”")
        stands = load_demo_stands(demo)
        self.stdout.write(f"{demo.title}: {len(stands)} stande til udstillerne")
        load_demo_seller(demo)
        self.stdout.write(f"{demo.title}: sælger til fakturaerne")
        for prize in (
            load_demo_prize(demo, timezone.now(), DEMO_PASSWORD),
            load_decided_prize(Edition.objects.get(slug="2023"), timezone.now()),
        ):
            if prize is not None:
                self.stdout.write(f"{prize}: {prize.nominations.count()} indstillinger")
        past = Edition.objects.get(slug="2023")
        if (survey := load_demo_survey(past, demo)) is not None:
            self.stdout.write(f"{past.title}: evaluering med {survey.responses.count()} svar")
        user_model = get_user_model()
        if not user_model.objects.filter(username=DEMO_USERNAME).exists():
            user_model.objects.create_superuser(
                username=DEMO_USERNAME, email="arrangoer@example.org", password=DEMO_PASSWORD
            )
            self.stdout.write(f"Demo organiser {DEMO_USERNAME} created")
