"""A published programme with rooms, speakers, a break and the dinner, and two participants:
the scene of the "Mit program" tests (page, calendar feed, push, and in Chromium)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from forsamling.programme.models import ItemKind, Room, SessionSpeaker
from forsamling.registration.models import Registration
from forsamling.registration.programme_notices import publish_and_announce
from tests.programme.builders import item, speaker
from tests.registration.test_services import register


@dataclass
class Scene:
    edition: object
    lise: Registration  # a temamøde, the dinner
    ole: Registration  # no session, no dinner
    hall: Room
    sal3: Room


def build(edition, publish=publish_and_announce) -> Scene:
    """`edition` is `tests.registration.conftest.edition`; version 1 is published."""
    hall = Room.objects.create(edition=edition, name="Store Sal", capacity=900)
    sal3 = Room.objects.create(edition=edition, name="Sal 3", capacity=80)
    day = edition.themes_slot.day
    item(day, "Velkomst", "10:00", "10:30", kind=ItemKind.WELCOME, room=hall,
         speakers=(speaker("Martin Damm", "Formand", "KL"),))  # fmt: skip
    item(day, "Kaffepause", "10:30", "11:00", kind=ItemKind.BREAK)
    item(day, "Middag og underholdning", "19:30", "23:00", kind=ItemKind.EVENING_EVENT,
         room=hall)  # fmt: skip
    edition.small_theme.room = sal3
    edition.small_theme.save()
    SessionSpeaker.objects.create(
        session=edition.small_theme, speaker=speaker("Bente Lund", "Forsker", "VIVE"), order=0
    )
    lise = register(
        edition, sessions=[edition.small_theme], name="Lise Holm", dinner=True
    ).registration
    ole = register(edition, name="Ole Berg").registration
    publish(edition=edition, comment="Første version")
    return Scene(edition, lise, ole, hall, sal3)


def move_the_theme_meeting(scene: Scene, publish=publish_and_announce) -> None:
    """Version 2: the temamøder move from 15.00 to 15.30 and Lise's to the Store Sal."""
    edition = scene.edition
    edition.themes_slot.starts_at = time(15, 30)
    edition.themes_slot.ends_at = time(17, 0)
    edition.themes_slot.save()
    edition.small_theme.room = scene.hall
    edition.small_theme.save()
    publish(edition=edition, comment="Temamøderne rykket")
