"""A registration-open edition (the registration tests' fixture) with a preference round over
its theme-meeting slot, and helpers to register participants and take a round to any step."""

from __future__ import annotations

from datetime import timedelta
from itertools import count

import pytest
from django.utils import timezone

from forsamling.domain import audit
from forsamling.preferences import services
from forsamling.preferences.models import PreferenceRound
from forsamling.registration.services import register_participant
from tests.registration import conftest as registration_fixtures
from tests.registration.conftest import details

edition = registration_fixtures.edition  # the registration tests' fixture, shared

ORGANISER = audit.organiser("test")
_keys = count(1)


def register(edition, category, name="Mette Hansen", sessions=()):
    return register_participant(
        edition=edition,
        idempotency_key=f"pref-{next(_keys)}",
        details=details(name),
        category=category,
        sessions=list(sessions),
    ).registration


def make_round(edition, slots, **overrides) -> PreferenceRound:
    now = timezone.now()
    values = {
        "edition": edition,
        "title": "Temamøder",
        "slots": slots,
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(days=1),
        "actor": ORGANISER,
    }
    values.update(overrides)
    return services.create_round(**values)


@pytest.fixture
def round(edition):
    """An open round over the theme meetings: "Faste teams" (2 seats) and "Psykiatri" (100)."""
    round = make_round(edition, [edition.themes_slot])
    services.open_round(round=round, actor=ORGANISER)
    return round
