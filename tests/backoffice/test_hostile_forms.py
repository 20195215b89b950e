"""Every back-office POST, posted the way a careless script would: never a 5xx, nothing
stored when refused. The forms are read from the pages (tests/hostile.py)."""

from __future__ import annotations

from datetime import time

import pytest

from forsamling.domain import audit
from forsamling.outbox.models import Mailing, MessageStatus, SentMessage
from forsamling.preferences import services as preference_services
from forsamling.programme.models import Item, ItemKind, Session
from tests.hostile import fuzz_page, fuzzing_each

pytestmark = pytest.mark.django_db

PAGES = [
    "registration", "messages", "outputs", "outbox", "checkin", "rounds", "round",
]  # fmt: skip


@pytest.fixture
def pages(client, conference, people, users):
    edition = conference.edition
    SentMessage.objects.create(
        edition=edition, registration=people.aase, to=people.aase.email, subject="Tak",
        body="b", status=MessageStatus.FAILED, last_error="550 no such user",
    )  # fmt: skip
    Mailing.objects.create(
        edition=edition, audience="all", audience_label="Alle", subject="s", body="b"
    )  # listed on the messages page
    slot = Item.objects.create(
        edition=edition, day=conference.small.slot.day, kind=ItemKind.BREAKOUT,
        title="Forsamlingshuse", starts_at=time(15, 0), ends_at=time(16, 0),
    )  # fmt: skip
    Session.objects.create(slot=slot, number=9, title="Hus", capacity=10)
    round = preference_services.create_round(
        edition=edition, title="Forsamlingshuse", slots=[slot],
        opens_at=edition.registration_opens_at, closes_at=edition.registration_closes_at,
        actor=audit.organiser("test"),
    )  # fmt: skip
    client.force_login(users.superuser)
    base = f"/backoffice/konference/{edition.slug}"
    return {
        "registration": f"{base}/tilmeldinger/{people.aase.pk}/",
        "messages": f"{base}/beskeder/",
        "outputs": f"{base}/pdf/",
        "outbox": f"{base}/udbakke/",
        "checkin": f"{base}/indtjekning/",
        "rounds": "/backoffice/praeferencer/",
        "round": f"/backoffice/praeferencer/{round.pk}/",
    }


@fuzzing_each(PAGES, max_examples=30)
def test_no_back_office_post_causes_a_server_error_or_stores_a_refused_submit(
    client, pages, page, data
):
    fuzz_page(client, pages[page], data)
