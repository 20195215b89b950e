"""The test packages' shared factories (factory-boy): an edition, its days and programme
items, a participant category, an exhibitor, an organiser's logged-in client, and the empty
inline formsets of an admin form's POST. Each package's conftest builds its own scene from
these and changes only what its tests are about."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from factory.django import DjangoModelFactory

from forsamling.conferences.models import Edition
from forsamling.exhibitors.models import Exhibitor
from forsamling.programme.models import Day, Item, ItemKind
from forsamling.registration.models import Category


class EditionFactory(DjangoModelFactory):
    """The 2026 forum in Aalborg, 7–8 May; `registration_open=True` opens its registration
    (an hour ago, for thirty days; cancelling free for ten)."""

    class Meta:
        model = Edition

    slug = "2026"
    year = 2026
    title = "Social- og Sundhedspolitisk Forum 2026"
    start_date = date(2026, 5, 7)
    end_date = date(2026, 5, 8)
    venue = "Aalborg Kongres & Kultur Center"
    city = "Aalborg"
    contact_email = "forum@kl.dk"

    class Params:
        registration_open = factory.Trait(
            registration_opens_at=factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1)),
            registration_closes_at=factory.LazyFunction(
                lambda: timezone.now() + timedelta(days=30)
            ),
            cancellation_deadline=factory.LazyFunction(lambda: timezone.now() + timedelta(days=10)),
        )


class DayFactory(DjangoModelFactory):
    class Meta:
        model = Day

    edition = factory.SubFactory(EditionFactory)
    date = factory.LazyAttribute(lambda day: day.edition.start_date)


class ItemFactory(DjangoModelFactory):
    """A programme item on its day; by default the afternoon's breakout slot of theme meetings,
    `evening=True` gives the dinner in the evening (19–23, after the day's other items)."""

    class Meta:
        model = Item

    day = factory.SubFactory(DayFactory)
    edition = factory.LazyAttribute(lambda item: item.day.edition)
    kind = ItemKind.BREAKOUT
    title = "Temamøder"
    starts_at = time(13, 0)
    ends_at = time(14, 30)

    class Params:
        evening = factory.Trait(
            kind=ItemKind.EVENING_EVENT,
            title="Middag",
            starts_at=time(19, 0),
            ends_at=time(23, 0),
            order=9,
        )


class CategoryFactory(DjangoModelFactory):
    """The officials' category at the full price; `politician=True` gives the politicians'."""

    class Meta:
        model = Category

    edition = factory.SubFactory(EditionFactory)
    key = "embedsperson"
    name = "Embedsperson"
    price = Decimal("3995")

    class Params:
        politician = factory.Trait(key="politiker", name="Kommunalpolitiker", is_politician=True)


class ExhibitorFactory(DjangoModelFactory):
    """A company with a contact person, booked for the edition (no stands)."""

    class Meta:
        model = Exhibitor

    edition = factory.SubFactory(EditionFactory)
    organisation = "Velfærdsteknologi ApS"
    cvr = "10150817"
    contact_name = "Mette Holm"
    contact_email = "mette@example.dk"
    contact_phone = "12345678"
    invoice_address = "Industrivej 4\n8000 Aarhus C"


def organiser_client(client: Client, username: str = "kl") -> Client:
    """`client`, logged in as a superuser (every edition, every role)."""
    user = get_user_model().objects.create_superuser(
        username, f"{username}@example.org", "s3cret-pass"
    )
    client.force_login(user)
    return client


def edition_organiser(edition: Edition, username: str, password: str) -> Any:
    """A user with the organiser's role for `edition` alone."""
    from forsamling.accounts.roles import grant_role
    from forsamling.domain.permissions import Role

    user = get_user_model().objects.create_user(username, password=password)
    grant_role(user=user, edition=edition, role=Role.ORGANISER)
    return user


def no_inline_rows(*prefixes: str) -> dict[str, str]:
    """The management forms of an admin change form's inline formsets (one per prefix) as the
    page posts them when none of their rows is filled in."""
    none = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}
    return {f"{prefix}-{key}": value for prefix in prefixes for key, value in none.items()}
