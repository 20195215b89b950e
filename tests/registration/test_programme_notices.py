"""Participants are e-mailed when a newly published programme version changes their sessions."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forsamling.outbox.models import SentMessage
from forsamling.programme.models import Room
from forsamling.registration.programme_notices import (
    announce_programme_changes,
    publish_and_announce,
)

from .test_services import register

pytestmark = pytest.mark.django_db


def subjects_to(address: str) -> list[str]:
    return [message.subject for message in mail.outbox if address in message.to]


def body_to(address: str) -> str:
    return "\n".join(message.body for message in mail.outbox if address in message.to)


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """The back office's publishing, with what it does on commit (the announcement task) run
    at once."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return publish_and_announce(**kwargs)

    return run


@pytest.fixture
def registered(edition, publish):
    """Two participants: one in a temamøde, one only in an assembly house; version 1 is out."""
    theme_goer = register(edition, sessions=[edition.small_theme], name="Lise Holm").registration
    house_goer = register(
        edition, category=edition.politician, sessions=[edition.health_house], name="Ole Berg"
    ).registration
    publish(edition=edition, comment="Første version")
    mail.outbox.clear()
    return theme_goer, house_goer


def test_moving_a_breakout_tells_its_participants_and_nobody_else(edition, registered, publish):
    """Temamøderne moved from 15.00 to 15.30: the temamøde participant hears, the other does not."""
    theme_goer, house_goer = registered
    edition.themes_slot.starts_at = time(15, 30)
    edition.themes_slot.save()
    publish(edition=edition, comment="Temamøderne rykket")
    assert subjects_to(theme_goer.email) == [
        "Ændringer i dine sessioner (programversion 2) – " + edition.title
    ]
    assert "er flyttet fra kl. 15.00 til kl. 15.30" in body_to(theme_goer.email)
    assert subjects_to(house_goer.email) == []


def test_moving_a_session_to_another_room_tells_its_participants(edition, registered, publish):
    """A session that changes room is announced to those who chose it."""
    theme_goer, _ = registered
    edition.small_theme.room = Room.objects.create(edition=edition, name="Sal 3", capacity=80)
    edition.small_theme.save()
    publish(edition=edition, comment="Lokaler")
    assert "Sal 3" in body_to(theme_goer.email)


def test_cancelling_a_session_tells_its_participants_with_their_link(edition, registered, publish):
    """A cancelled session is announced, with the private link to choose another."""
    theme_goer, _ = registered
    edition.small_theme.is_cancelled = True
    edition.small_theme.save()
    publish(edition=edition, comment="Aflysning")
    body = body_to(theme_goer.email)
    assert "aflyst" in body
    assert theme_goer.token in body


def test_a_version_without_changes_to_chosen_sessions_sends_nothing(edition, registered, publish):
    """Republishing an unchanged programme e-mails nobody."""
    publish(edition=edition, comment="Ingen ændringer")
    assert mail.outbox == []


def test_announcing_twice_tells_nobody_twice(edition, registered, publish):
    """A retried task does not send the same notice again."""
    theme_goer, _ = registered
    edition.themes_slot.starts_at = time(15, 30)
    edition.themes_slot.save()
    version = publish(edition=edition, comment="Temamøderne rykket")
    assert announce_programme_changes(version.pk) == 0
    assert len(subjects_to(theme_goer.email)) == 1
    assert (
        SentMessage.objects.filter(registration=theme_goer, subject__contains="version 2").count()
        == 1
    )


def test_a_scheduled_version_is_not_announced_before_it_is_public(edition, registered, publish):
    """A version published for a later moment tells nobody yet."""
    edition.themes_slot.starts_at = time(15, 30)
    edition.themes_slot.save()
    version = publish(
        edition=edition, comment="Senere", publish_at=timezone.now() + timedelta(days=1)
    )
    assert mail.outbox == []
    assert announce_programme_changes(version.pk) == 0
