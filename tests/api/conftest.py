"""A conference with a published programme, participants, and organisers' tokens."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import Client

from forsamling.api.models import Scope
from forsamling.api.services import create_token
from forsamling.programme.models import Room, Speaker
from forsamling.programme.services import publish_programme
from tests.backoffice.conftest import conference, make_conference, people, users

__all__ = ["conference", "make_conference", "people", "users"]


@pytest.fixture
def published(conference):
    """The conference's programme with a room and a speaker, published as version 1."""
    room = Room.objects.create(edition=conference.edition, name="Sal A", capacity=400)
    speaker = Speaker.objects.create(name="Leif Vestergaard", title="formand", organisation="KL")
    conference.big.room = room
    conference.big.save()
    conference.big.sessionspeaker_set.create(speaker=speaker)
    publish_programme(edition=conference.edition, comment="Første udgave")
    return SimpleNamespace(room=room, speaker=speaker)


@pytest.fixture
def keys(conference, users):
    """One key per scope for the organiser, and one with every scope."""
    edition, organiser = conference.edition, users.organiser

    def make(*scopes: str, user=organiser, label="Test") -> str:
        return create_token(edition=edition, user=user, label=label, scopes=scopes).key

    return SimpleNamespace(
        programme=make(Scope.READ_PROGRAMME),
        registrations=make(Scope.READ_REGISTRATIONS),
        checkins=make(Scope.WRITE_CHECKINS),
        all=make(*Scope.values),
        make=make,
    )


def api(client: Client, key: str | None = None) -> Client:
    """The test client sending `Authorization: Bearer <key>`."""
    if key is not None:
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client
