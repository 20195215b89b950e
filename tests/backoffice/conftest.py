"""A conference with registrations, and a user for every back-office role."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from forsamling.programme.models import SessionKind
from forsamling.registration.models import Category
from forsamling.registration.services import ParticipantDetails, register_participant
from forsamling.registration.sessions import create_session
from tests.factories import CategoryFactory, DayFactory, EditionFactory, ItemFactory


def make_conference(slug: str = "2026") -> SimpleNamespace:
    now = timezone.now()
    edition = EditionFactory(
        slug=slug, registration_open=True, registration_opens_at=now - timedelta(days=1)
    )
    slot = ItemFactory(day=DayFactory(edition=edition))
    small = create_session(
        slot=slot, kind=SessionKind.TEMAMOEDE, number=1, title="Ældrepleje på øerne", capacity=2
    )
    big = create_session(
        slot=slot, kind=SessionKind.TEMAMOEDE, number=2, title="Psykiatri", capacity=300
    )
    politician = CategoryFactory(edition=edition, politician=True, order=1)
    official = CategoryFactory(edition=edition, order=2)
    stand = Category.objects.create(
        edition=edition, key="stand", name="Standpersonale", price=Decimal("1900.50"), order=3
    )
    return SimpleNamespace(
        edition=edition,
        small=small,
        big=big,
        politician=politician,
        official=official,
        stand=stand,
    )


def register(conference, name, *, organisation="Aalborg Kommune", category=None, sessions=(),
             **extra):  # fmt: skip
    email = extra.pop("email", None) or f"{uuid.uuid4().hex[:10]}@example.dk"
    return register_participant(
        edition=conference.edition,
        idempotency_key=uuid.uuid4().hex,
        details=ParticipantDetails(name=name, email=email, organisation=organisation, **extra),
        category=category or conference.politician,
        sessions=list(sessions),
    ).registration


@pytest.fixture
def conference(db):
    return make_conference()


@pytest.fixture
def evening(conference):
    """The dinner, in the evening of the conference's day."""
    return ItemFactory(day=conference.small.slot.day, evening=True)


@pytest.fixture
def people(conference):
    """Six participants with æ, ø, å and 'aa' in their names, one of them cancelled."""
    c = conference
    return SimpleNamespace(
        aase=register(c, "Aase Ørum", organisation="Aabenraa Kommune", sessions=[c.small],
                      dinner=True, dietary="Vegetar", list_consent=True, job_title="Rådmand",
                      ean="5798000000001", order_reference="PO-17", person_reference="AØ"),
        aeble=register(c, "Ægir Bøgh", organisation="Ærø Kommune", sessions=[c.small],
                       dinner=True, dietary="vegetar ", accessibility_needs="Kørestol"),
        bo=register(c, "Bo Andersen", organisation="Aalborg Kommune", category=c.official,
                    sessions=[c.small], list_consent=True, job_title="Direktør"),
        oline=register(c, "Øline Ås", organisation="Odense Kommune", category=c.stand,
                       sessions=[c.big], list_consent=True),
        zara=register(c, "Zara Holm", organisation="Aabenraa Kommune", sessions=[c.big],
                      ean="5798000000001", order_reference="PO-17"),
    )  # fmt: skip


def make_user(username: str, **extra):
    return get_user_model().objects.create_user(
        username=username, password="correct horse battery", email=f"{username}@kl.dk", **extra
    )


@pytest.fixture
def users(conference):
    """One user per role for the conference, a staff user without a role, and a superuser."""
    organiser, viewer, door = make_user("arrangoer"), make_user("laeser"), make_user("doer")
    grant_role(user=organiser, edition=conference.edition, role=Role.ORGANISER)
    grant_role(user=viewer, edition=conference.edition, role=Role.VIEWER)
    grant_role(user=door, edition=conference.edition, role=Role.CHECKIN)
    return SimpleNamespace(
        organiser=organiser,
        viewer=viewer,
        checkin=door,
        no_role=make_user("ingen", is_staff=True),
        superuser=get_user_model().objects.create_superuser("super", "super@kl.dk", "pw-super-1"),
    )
