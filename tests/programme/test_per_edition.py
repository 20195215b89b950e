"""Per edition everywhere: an item's day, block, track and room, and a session's room, come
from its own edition; the stand map opens on the edition chosen in the stand list."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from forsamling.exhibitors.models import Stand
from forsamling.programme.models import Room, Track
from tests.programme import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years():
    old = builders.edition(
        "2023", year=2023, start_date=date(2023, 5, 11), end_date=date(2023, 5, 12)
    )
    new = builders.edition(
        "2027", year=2027, start_date=date(2027, 5, 6), end_date=date(2027, 5, 7)
    )
    return old, new


def item_form(item, **changes):
    data = {
        "edition": item.edition_id,
        "day": item.day_id or "",
        "parent": item.parent_id or "",
        "kind": item.kind,
        "starts_at": "10:00",
        "ends_at": "11:00",
        "title": item.title,
        "description": "",
        "note": "",
        "track": "",
        "room": "",
        "speakers_suffix": "",
        "order": 0,
        "itemspeaker_set-TOTAL_FORMS": 0,
        "itemspeaker_set-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return data


def test_a_2027_item_does_not_save_with_a_2023_day(organiser_client, two_years):
    old, new = two_years
    old_day = builders.day(old)
    item = builders.item(builders.day(new), "Velkomst", "10:00", "11:00")

    response = organiser_client.post(
        f"/backoffice/programme/item/{item.pk}/change/", item_form(item, day=old_day.pk)
    )

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.day.edition == new
    assert "day" in response.context["adminform"].form.errors


@pytest.mark.parametrize("field", ["track", "room", "parent"])
def test_a_2027_item_takes_no_track_room_or_block_of_2023(organiser_client, two_years, field):
    old, new = two_years
    other = {
        "track": lambda: Track.objects.create(edition=old, key="s", name="Sæson 2023"),
        "room": lambda: Room.objects.create(edition=old, name="Sal 2023"),
        "parent": lambda: builders.item(builders.day(old), "Blok 2023", "09:00", "12:00"),
    }[field]()
    item = builders.item(builders.day(new), "Velkomst", "10:00", "11:00")

    response = organiser_client.post(
        f"/backoffice/programme/item/{item.pk}/change/", item_form(item, **{field: other.pk})
    )

    assert response.status_code == 200
    item.refresh_from_db()
    assert getattr(item, f"{field}_id") is None


def test_the_item_form_offers_only_its_editions_days(organiser_client, two_years):
    old, new = two_years
    builders.day(old)
    item = builders.item(builders.day(new), "Velkomst", "10:00", "11:00")

    page = organiser_client.get(f"/backoffice/programme/item/{item.pk}/change/").content.decode()

    assert "6. maj 2027" in page
    assert "11. maj 2023" not in page


def test_a_session_takes_no_room_of_another_edition(organiser_client, two_years):
    old, new = two_years
    slot = builders.item(builders.day(new), "Temamøder", "13:00", "14:00", kind="breakout")
    session = builders.session(slot, "Trivsel", number=1, capacity=40)
    old_room = Room.objects.create(edition=old, name="Sal 2023")
    data = {
        "slot": slot.pk,
        "kind": session.kind,
        "number": 1,
        "title": "Trivsel",
        "subtitle": "",
        "description": "",
        "audience": session.audience,
        "meet_label": session.meet_label,
        "room": old_room.pk,
        "capacity": 40,
        "order": 0,
        "sessionspeaker_set-TOTAL_FORMS": 0,
        "sessionspeaker_set-INITIAL_FORMS": 0,
    }

    response = organiser_client.post(f"/backoffice/programme/session/{session.pk}/change/", data)

    assert response.status_code == 200
    session.refresh_from_db()
    assert session.room_id is None


def test_the_stand_map_opens_on_the_edition_chosen_in_the_stand_list(organiser_client, two_years):
    old, new = two_years
    for edition, number in [(old, "A-2023"), (new, "B-2027")]:
        Stand.objects.create(edition=edition, number=number, size="3 x 2 m", price=Decimal(1))

    stands = organiser_client.get(f"/backoffice/exhibitors/stand/?edition__id__exact={old.pk}")
    assert f"kort/?edition={old.pk}" in stands.content.decode()
    page = organiser_client.get(f"/backoffice/exhibitors/stand/kort/?edition={old.pk}")

    assert "A-2023" in page.content.decode()
    assert "B-2027" not in page.content.decode()
