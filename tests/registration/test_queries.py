"""The confirmation page's one-query read, against `personal_programme`."""

from __future__ import annotations

import pytest
from django.test import override_settings

from forsamling.registration.models import Registration
from forsamling.registration.queries import confirmation, personal_programme
from forsamling.registration.services import register_participant

from .conftest import details, make_edition

pytestmark = pytest.mark.django_db


def register(edition, name, sessions, category=None):
    return register_participant(
        edition=edition,
        idempotency_key=f"key-{name}",
        details=details(name),
        category=category or edition.politician,
        sessions=sessions,
    ).registration


def lines(programme):
    return [
        (line.choice.pk, line.choice.session_id, line.choice.slot.title, line.choice.status,
         line.waiting_position)
        for line in programme
    ]  # fmt: skip


def test_confirmation_reads_what_personal_programme_reads_in_programme_order(edition):
    """Seats and places in line (3rd in line here), in the slots' order, for the registration."""
    for name in ("Anna Berg", "Bo Dahl", "Carl Eg", "Dorte Friis"):
        register(edition, name, [edition.small_theme])
    last = register(edition, "Eva Gram", [edition.small_theme, edition.health_house])
    found = confirmation(edition, last.token)
    assert found is not None
    registration, programme = found
    assert registration.pk == last.pk
    assert registration.email == last.email
    assert registration.is_active
    assert lines(programme) == lines(personal_programme(last))
    assert [line.choice.slot.title for line in programme] == [
        "Politiske forsamlingshuse",
        "Temamøder",
    ]
    assert [line.waiting_position for line in programme] == [None, 3]


def test_confirmation_of_a_registration_without_sessions(edition):
    """No choices: the registration, and an empty programme."""
    registration = register(edition, "Anna Berg", [])
    found = confirmation(edition, registration.token)
    assert found is not None
    assert found[0].pk == registration.pk
    assert found[1] == []


def test_confirmation_reads_the_programme_itself_when_a_session_is_no_longer_offered(edition):
    """A chosen session cancelled afterwards is not among the form's sessions: still shown."""
    registration = register(edition, "Anna Berg", [edition.big_theme])
    edition.big_theme.is_cancelled = True
    edition.big_theme.save()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=60):
        found = confirmation(edition, registration.token)
    assert found is not None
    assert lines(found[1]) == lines(personal_programme(registration))
    assert found[1][0].choice.session.title == "Psykiatri"


def test_confirmation_needs_the_token_of_a_registration_in_that_edition(edition):
    """An unknown token, or a token of another edition, finds nothing."""
    registration = register(edition, "Anna Berg", [edition.big_theme])
    other = make_edition(slug="2027", year=2027)
    assert confirmation(edition, "not-a-token") is None
    assert confirmation(other, registration.token) is None
    assert Registration.objects.filter(token=registration.token).exists()
