"""Organisers check the programme for conflicts and publish it from the back office."""

from __future__ import annotations

from datetime import time

import pytest
from django.contrib.auth import get_user_model

from forsamling.demo.load import load_edition, seed_data
from forsamling.programme.models import Item, ProgrammeVersion, Room, Session
from tests.programme import builders

pytestmark = pytest.mark.django_db


def test_item_list_for_one_edition_shows_its_programme_warnings(organiser_client):
    edition = builders.edition()
    day = builders.day(edition)
    builders.item(day, "Velkomst", "10:00", "10:30")
    builders.item(day, "Oplæg om trivsel", "10:15", "10:45")
    page = organiser_client.get(f"/backoffice/programme/item/?edition__id__exact={edition.pk}")
    assert page.status_code == 200
    assert "Velkomst og Oplæg om trivsel ligger oven i hinanden" in page.content.decode()


def test_item_list_says_so_when_the_programme_is_in_order(organiser_client):
    edition, _ = load_edition(seed_data(2023))
    page = organiser_client.get(f"/backoffice/programme/item/?edition__id__exact={edition.pk}")
    assert "Ingen advarsler" in page.content.decode()


def test_check_page_warns_of_a_session_with_more_seats_than_its_room(organiser_client):
    edition, _ = load_edition(seed_data(2023))
    room = Room.objects.create(edition=edition, name="Lille sal", capacity=40)
    Session.objects.filter(slot__edition=edition, number=3).update(room=room, capacity=60)
    page = organiser_client.get(
        f"/backoffice/programme/programmeversion/offentliggoer/?edition={edition.pk}"
    )
    assert (
        "Temamøde 3: Små, faste teams i ældreplejen – hvordan? har 60 pladser, "
        "men Lille sal har kun 40" in page.content.decode()
    )


def test_publishing_from_the_back_office_makes_the_next_version(organiser_client):
    edition, _ = load_edition(seed_data(2023))
    response = organiser_client.post(
        "/backoffice/programme/programmeversion/offentliggoer/",
        {
            "edition": edition.pk,
            "comment": "Første version",
            "publish_at_0": "",
            "publish_at_1": "",
        },
    )
    assert response.status_code == 302
    version = ProgrammeVersion.objects.get(edition=edition)
    assert (version.number, version.comment, version.created_by.username) == (
        1,
        "Første version",
        "kl",
    )
    assert organiser_client.get("/2023/program/").status_code == 200


def test_publishing_at_a_later_moment_keeps_the_version_from_the_public(organiser_client, client):
    edition, _ = load_edition(seed_data(2023))
    organiser_client.post(
        "/backoffice/programme/programmeversion/offentliggoer/",
        {
            "edition": edition.pk,
            "comment": "",
            "publish_at_0": "2099-03-02",
            "publish_at_1": "10:00",
        },
    )
    version = ProgrammeVersion.objects.get(edition=edition)
    assert version.publish_at.isoformat() == "2099-03-02T09:00:00+00:00"


def test_published_versions_cannot_be_edited(organiser_client):
    edition, _ = load_edition(seed_data(2023))
    organiser_client.post(
        "/backoffice/programme/programmeversion/offentliggoer/",
        {"edition": edition.pk, "comment": "x", "publish_at_0": "", "publish_at_1": ""},
    )
    version = ProgrammeVersion.objects.get()
    Item.objects.filter(edition=edition, starts_at=time(15, 10)).update(starts_at=time(15, 30))
    response = organiser_client.post(
        f"/backoffice/programme/programmeversion/{version.pk}/change/", {"comment": "ændret"}
    )
    version.refresh_from_db()
    assert response.status_code in (302, 403) and version.comment == "x"


def test_people_without_access_cannot_publish(client):
    user = get_user_model().objects.create_user("gaest", password="x", is_staff=True)
    client.force_login(user)
    edition = builders.edition()
    response = client.post(
        "/backoffice/programme/programmeversion/offentliggoer/",
        {"edition": edition.pk, "comment": "", "publish_at_0": "", "publish_at_1": ""},
    )
    assert response.status_code == 403
    assert not ProgrammeVersion.objects.exists()
