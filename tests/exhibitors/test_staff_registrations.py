"""Stand staff named by an exhibitor become registrations: badge, door list, dinner count."""

from __future__ import annotations

import json

import pytest

from forsamling.checkin.queries import door_list
from forsamling.exhibitors import services
from forsamling.registration.models import Registration, Status

from .conftest import details


@pytest.fixture
def exhibitor(edition, stands):
    return services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())


def test_a_named_member_is_registered_as_stand_staff(exhibitor, stand_staff_category, edition):
    member = services.add_stand_staff(
        exhibitor=exhibitor, name="Sanne Stand", email="sanne@example.dk", title="Konsulent"
    )
    registration = Registration.objects.get(email="sanne@example.dk")
    assert registration.category == stand_staff_category
    assert (registration.name, registration.organisation, registration.job_title) == (
        member.name, "Ældre Sagen", "Konsulent",
    )  # fmt: skip
    people = {p["name"]: p for p in json.loads(door_list(edition).body)["people"]}
    assert people["Sanne Stand"]["category"] == "Standpersonale"


def test_removing_the_member_cancels_the_registration(exhibitor, stand_staff_category):
    member = services.add_stand_staff(exhibitor=exhibitor, name="Sanne", email="s@example.dk")
    services.remove_stand_staff(member=member)
    assert Registration.objects.get(email="s@example.dk").status == Status.CANCELLED


def test_someone_already_registered_keeps_their_registration(
    exhibitor, stand_staff_category, edition
):
    services.add_stand_staff(exhibitor=exhibitor, name="Sanne", email="s@example.dk")
    other = services.book_stands(
        edition=edition,
        stand_ids=[edition.stands.filter(status="free").first().pk],
        details=details(organisation="Danske Regioner", cvr="55832218"),
    )
    services.add_stand_staff(exhibitor=other, name="Sanne", email="s@example.dk")
    assert Registration.objects.filter(email="s@example.dk").count() == 1


def test_an_edition_without_the_category_registers_nobody(exhibitor):
    services.add_stand_staff(exhibitor=exhibitor, name="Sanne", email="s@example.dk")
    assert not Registration.objects.exists()


def test_stand_staff_at_the_dinner_are_in_the_dinner_count(
    exhibitor, stand_staff_category, edition
):
    from forsamling.backoffice.queries import overview

    before = overview(edition).dinner
    services.add_stand_staff(exhibitor=exhibitor, name="Sanne", email="s@example.dk", dinner=True)
    services.add_stand_staff(exhibitor=exhibitor, name="Sune", email="u@example.dk")
    assert overview(edition).dinner == before + 1
