"""An edition whose registration is open, with categories and two breakout slots."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal
from itertools import count

import pytest
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.programme.models import Audience, Day, Item, ItemKind, SessionKind
from forsamling.registration.models import Category
from forsamling.registration.services import ParticipantDetails
from forsamling.registration.sessions import create_session

_numbers = count(1)


def make_edition(**overrides):
    now = timezone.now()
    values = {
        "slug": "2026",
        "year": 2026,
        "title": "Social- og Sundhedspolitisk Forum 2026",
        "start_date": date(2026, 5, 7),
        "end_date": date(2026, 5, 8),
        "venue": "Aalborg Kongres & Kultur Center",
        "city": "Aalborg",
        "registration_opens_at": now - timedelta(hours=1),
        "registration_closes_at": now + timedelta(days=30),
        "cancellation_deadline": now + timedelta(days=10),
        "contact_name": "Anne Jensen",
        "contact_email": "forum@kl.dk",
        "contact_phone": "33 70 30 00",
    }
    values.update(overrides)
    return Edition.objects.create(**values)


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


@pytest.fixture
def edition(db):
    edition = make_edition()
    day = Day.objects.create(edition=edition, date=date(2026, 5, 7))
    houses = Item.objects.create(
        edition=edition,
        day=day,
        kind=ItemKind.BREAKOUT,
        title="Politiske forsamlingshuse",
        starts_at=time(13, 0),
        ends_at=time(14, 30),
        order=1,
    )
    themes = Item.objects.create(
        edition=edition,
        day=day,
        kind=ItemKind.BREAKOUT,
        title="Temamøder",
        starts_at=time(15, 0),
        ends_at=time(16, 30),
        order=2,
    )
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
    edition.politician = Category.objects.create(
        edition=edition,
        key="politiker",
        name="Kommunalpolitiker",
        price=Decimal("3995"),
        is_politician=True,
        order=1,
    )
    edition.council_member = Category.objects.create(
        edition=edition,
        key="sundhedsraad",
        name="Medlem af sundhedsråd",
        price=Decimal("3995"),
        is_politician=True,
        is_health_council=True,
        order=2,
    )
    edition.official = Category.objects.create(
        edition=edition,
        key="embedsperson",
        name="Embedsperson",
        price=Decimal("3995"),
        order=3,
    )
    edition.stand_staff = Category.objects.create(
        edition=edition,
        key="standpersonale",
        name="Standpersonale",
        price=Decimal("1900"),
        order=4,
    )
    return edition
