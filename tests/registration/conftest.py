"""An edition whose registration is open, with categories and two breakout slots."""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from itertools import count

import pytest

from forsamling.programme.models import Audience, SessionKind
from forsamling.registration.services import ParticipantDetails, register_participant
from forsamling.registration.sessions import create_session
from tests.factories import CategoryFactory, DayFactory, EditionFactory, ItemFactory

_numbers = count(1)


def make_edition(**overrides):
    """The forum with its registration open (`tests.factories.EditionFactory`)."""
    values = {"contact_name": "Anne Jensen", "contact_phone": "33 70 30 00", **overrides}
    return EditionFactory(registration_open=True, **values)


def make_session(slot, title, *, capacity=None, audience=Audience.EVERYONE, **extra):
    return create_session(
        slot=slot,
        kind=SessionKind.TEMAMOEDE,
        title=title,
        capacity=capacity,
        audience=audience,
        number=next(_numbers),
        **extra,
    )


def details(name="Mette Hansen", email=None, **extra):
    email = email or f"{name.split()[0].lower()}{next(_numbers)}@aalborg.dk"
    return ParticipantDetails(name=name, email=email, organisation="Aalborg Kommune", **extra)


def register_official(edition, key, name, sessions=()):
    """An official of Aalborg Kommune called `name` registers (`key` is the idempotency key)."""
    return register_participant(
        edition=edition,
        idempotency_key=key,
        details=details(name),
        category=edition.official,
        sessions=list(sessions),
    )


@pytest.fixture
def edition(db):
    edition = make_edition()
    day = DayFactory(edition=edition)
    houses = ItemFactory(day=day, title="Politiske forsamlingshuse", order=1)
    themes = ItemFactory(day=day, starts_at=time(15, 0), ends_at=time(16, 30), order=2)
    edition.houses_slot = houses
    edition.themes_slot = themes
    edition.health_house = make_session(
        houses, "Forsamlingshus om sundhed", audience=Audience.POLITICIANS
    )
    edition.council_house = make_session(
        houses, "Forsamlingshus for sundhedsrådene", audience=Audience.HEALTH_COUNCIL
    )
    edition.officials_breakout = make_session(
        houses, "Hvad kræver frisættelse?", audience=Audience.NON_POLITICIANS
    )
    edition.small_theme = make_session(themes, "Faste teams i ældreplejen", capacity=2)
    edition.big_theme = make_session(themes, "Psykiatri", capacity=100)
    edition.politician = CategoryFactory(edition=edition, politician=True, order=1)
    edition.council_member = CategoryFactory(
        edition=edition, politician=True, key="sundhedsraad", name="Medlem af sundhedsråd",
        is_health_council=True, order=2,
    )  # fmt: skip
    edition.official = CategoryFactory(edition=edition, order=3)
    edition.stand_staff = CategoryFactory(
        edition=edition, key="standpersonale", name="Standpersonale", price=Decimal("1900"), order=4
    )
    return edition
