"""The demo as the tests that visit it want it: loaded, its registration open, Mette in it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.demo.edition import DEMO_SLUG
from forsamling.registration import services


def load_the_open_demo() -> tuple[Edition, datetime | None]:
    """Loads the demo (`load_demo`) and opens its registration a minute ago; returns it and
    the opening it was loaded with."""
    call_command("load_demo", verbosity=0)
    demo = Edition.objects.get(slug=DEMO_SLUG)
    loaded_opening = demo.registration_opens_at
    demo.registration_opens_at = timezone.now() - timedelta(minutes=1)
    demo.save(update_fields=["registration_opens_at"])
    return demo, loaded_opening


def register_mette(demo: Edition, key: str, sessions: Any = (), **extra: Any) -> Any:
    """Mette Hansen of Aalborg Kommune registers for the demo as a politician."""
    return services.register_participant(
        edition=demo,
        idempotency_key=key,
        details=services.ParticipantDetails(
            name="Mette Hansen", email="mette@aalborg.dk", organisation="Aalborg Kommune"
        ),
        category=demo.categories.get(key="politiker"),
        sessions=list(sessions),
        **extra,
    ).registration
