"""The demo's 2023 programme is published, and a later change shows on Ændringer and in the feed."""

from __future__ import annotations

from datetime import time
from html import unescape

import pytest
from django.core.management import call_command

from forsamling.conferences.models import Edition
from forsamling.programme.models import Item, ProgrammeVersion, Session
from forsamling.programme.services import publish_programme

pytestmark = pytest.mark.django_db

MOVED = (
    "Temamøde 3: Små, faste teams i ældreplejen – hvordan? er flyttet fra kl. 15.10 til kl. 15.30"
)


def test_load_demo_publishes_version_1_of_the_2023_programme(client):
    call_command("load_demo", verbosity=0)
    version = ProgrammeVersion.objects.get(edition__slug="2023")
    assert (version.number, version.comment) == (1, "Første version")
    assert "Velfærd i balance" in client.get("/2023/program/").content.decode()


def test_load_demo_again_publishes_no_second_version():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert ProgrammeVersion.objects.filter(edition__slug="2023").count() == 1


def test_only_2023_is_published_in_the_demo():
    call_command("load_demo", verbosity=0)
    assert set(ProgrammeVersion.objects.values_list("edition__slug", flat=True)) == {"2023"}


def test_temamoede_3_moved_to_15_30_shows_on_the_changes_page_and_in_the_feed(client):
    call_command("load_demo", verbosity=0)
    edition = Edition.objects.get(slug="2023")
    first_slot = Item.objects.get(edition=edition, title="Break out: Temamøder")
    later_slot = Item.objects.create(
        edition=edition,
        day=first_slot.day,
        kind="breakout",
        title="Break out: Ekstra temamøde",
        starts_at=time(15, 30),
        ends_at=time(16, 30),
    )
    Session.objects.filter(slot=first_slot, number=3).update(slot=later_slot)
    publish_programme(edition=edition, comment="Temamøde 3 flyttet")

    changes_page = unescape(client.get("/2023/program/aendringer/").content.decode())
    assert MOVED in changes_page
    assert "Temamøde 3 flyttet" in changes_page
    feed = client.get("/2023/program/aendringer.atom")
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert MOVED in unescape(unescape(feed.content.decode()))
