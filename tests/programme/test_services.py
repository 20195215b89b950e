"""Publishing the programme: numbered versions, frozen snapshots, and when the public sees them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forsamling.demo.load import load_edition, seed_data
from forsamling.domain.programme import programme_from_snapshot
from forsamling.programme.models import Item, Session
from forsamling.programme.queries import current_version, published_versions
from forsamling.programme.services import publish_programme
from tests.programme import builders

pytestmark = pytest.mark.django_db


def test_publish_programme_numbers_versions_from_one():
    edition = builders.edition()
    first = publish_programme(edition=edition, comment="Første version")
    second = publish_programme(edition=edition, comment="Rettelser")
    assert (first.number, second.number) == (1, 2)
    assert second.comment == "Rettelser"


def test_publish_programme_numbers_each_edition_separately():
    one, other = builders.edition("2030"), builders.edition("2031", year=2031)
    publish_programme(edition=one, comment="")
    assert publish_programme(edition=other, comment="").number == 1


def test_snapshot_keeps_days_items_children_sessions_and_speakers_by_uid():
    edition, _ = load_edition(seed_data(2023))
    version = publish_programme(edition=edition, comment="Første version")
    programme = programme_from_snapshot(version.snapshot)
    assert [d.date.isoformat() for d in programme.days] == ["2023-05-11", "2023-05-12"]
    block = next(i for i, _ in programme.items() if i.title == "Velfærd i balance")
    assert [c.title for c in block.children] == [
        "Vi skal genfinde omsorgen",
        "Fra giftig gæld til bæredygtig velfærd",
    ]
    assert block.uid == str(Item.objects.get(title="Velfærd i balance").uid)
    session3, slot = next((s, slot) for s, slot in programme.sessions() if s.number == 3)
    assert session3.uid == str(Session.objects.get(number=3).uid)
    assert slot.title == "Break out: Temamøder"
    assert [s.name for s in session3.speakers] == ["Pia Kürstein Kjellberg"]
    assert programme.moderator is not None and programme.moderator.name == "Lene Johansen"


def test_snapshot_does_not_follow_later_edits_of_the_draft():
    edition, _ = load_edition(seed_data(2023))
    version = publish_programme(edition=edition, comment="Første version")
    Item.objects.filter(title="Velfærd i balance").update(title="Ændret titel")
    version.refresh_from_db()
    titles = [i.title for i, _ in programme_from_snapshot(version.snapshot).items()]
    assert "Velfærd i balance" in titles and "Ændret titel" not in titles


def test_public_sees_no_version_before_the_first_is_published():
    assert current_version(builders.edition()) is None


def test_public_sees_a_scheduled_version_only_once_its_moment_has_come():
    edition = builders.edition()
    now = timezone.now()
    publish_programme(edition=edition, comment="Nu")
    publish_programme(edition=edition, comment="Senere", publish_at=now + timedelta(days=7))
    assert current_version(edition, now).number == 1
    assert current_version(edition, now + timedelta(days=8)).number == 2
    assert [v.number for v in published_versions(edition, now)] == [1]


def test_publish_programme_records_who_published(django_user_model):
    organiser = django_user_model.objects.create_user("arrangoer", password="x")
    version = publish_programme(edition=builders.edition(), comment="", user=organiser)
    assert version.created_by == organiser


def test_publishing_takes_the_same_number_of_queries_for_any_programme_size():
    short, long = builders.edition("kort"), builders.edition("lang", year=2031)
    builders.long_programme(short, days=1, items_per_day=1)
    builders.long_programme(long, days=2, items_per_day=8)
    with CaptureQueriesContext(connection) as short_queries:
        publish_programme(edition=short, comment="")
    with CaptureQueriesContext(connection) as long_queries:
        publish_programme(edition=long, comment="")
    assert len(short_queries) == len(long_queries)
