"""The exhibitor says, per stand-staff member, whether they come to the conference dinner; the
answer is the member's registration's, so they are in the dinner count and on the door list."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from forsamling.backoffice.queries import overview
from forsamling.checkin.queries import door_list
from forsamling.exhibitors import services, staff_registrations
from forsamling.exhibitors.models import StandStaff
from forsamling.registration.models import Registration

from .conftest import details

pytestmark = pytest.mark.django_db

QUESTION = "Deltager personen i konferencemiddagen?"


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def exhibitor(edition, stands):
    return services.book_stands(edition=edition, stand_ids=[stands[2].pk], details=details())


def add_url(exhibitor) -> str:
    kwargs = {"edition": exhibitor.edition.slug, "token": exhibitor.token}
    return reverse("public:exhibitor_add_staff", kwargs=kwargs)


def dinner_url(member) -> str:
    exhibitor = member.exhibitor
    kwargs = {"edition": exhibitor.edition.slug, "token": exhibitor.token, "pk": member.pk}
    return reverse("public:exhibitor_staff_dinner", kwargs=kwargs)


def registration_of(member) -> Registration:
    return Registration.objects.get(idempotency_key=staff_registrations.registration_key(member))


def test_the_staff_form_asks_about_the_dinner(client, stand_staff_category, exhibitor):
    page = text(client.get(exhibitor.get_absolute_url()))
    assert f'<legend class="form-label">{QUESTION}</legend>' in page
    assert 'name="dinner" value="ja"' in page and 'name="dinner" value="nej"' in page
    assert 'name="dinner" value="ja" checked' not in page  # nobody is counted by default


def test_without_a_stand_staff_category_there_is_no_registration_to_ask_for(
    client, edition, stands
):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    page = text(client.get(exhibitor.get_absolute_url()))
    assert QUESTION not in page
    response = client.post(add_url(exhibitor), {"name": "Åse Øster", "email": "aase@example.dk"})
    assert response.status_code == 302


def test_an_unanswered_dinner_question_is_a_danish_error_and_keeps_the_input(
    client, stand_staff_category, exhibitor
):
    response = client.post(
        add_url(exhibitor), {"name": "Åse Øster", "email": "aase@example.dk", "title": "Chef"}
    )
    assert response.status_code == 422
    page = text(response)
    assert f'<a href="#id_dinner-error">{QUESTION} Svar ja eller nej.</a>' in page
    assert 'id="id_dinner-error"' in page and 'aria-invalid="true"' in page
    assert 'value="Åse Øster"' in page and 'value="Chef"' in page
    assert not StandStaff.objects.exists()


def test_a_member_at_the_dinner_is_in_the_dinner_count_and_on_the_door_list(
    client, stand_staff_category, exhibitor, edition
):
    before = overview(edition).dinner
    client.post(add_url(exhibitor), {"name": "Åse Øster", "email": "a@x.dk", "dinner": "ja"})
    client.post(add_url(exhibitor), {"name": "Bo Bæk", "email": "b@x.dk", "dinner": "nej"})
    assert overview(edition).dinner == before + 1
    people = {p["name"]: p["dinner"] for p in json.loads(door_list(edition).body)["people"]}
    assert people == {"Åse Øster": True, "Bo Bæk": False}
    page = text(client.get(exhibitor.get_absolute_url()))
    assert 'data-title="Konferencemiddag">Ja<' in page
    assert 'data-title="Konferencemiddag">Nej<' in page


def test_the_exhibitor_changes_the_dinner_answer_later(
    client, stand_staff_category, exhibitor, edition
):
    member = services.add_stand_staff(exhibitor=exhibitor, name="Åse", email="a@x.dk", dinner=True)
    assert overview(edition).dinner == 1
    response = client.post(dinner_url(member), {"dinner": "nej"})
    assert response.status_code == 302
    assert registration_of(member).dinner is False
    assert overview(edition).dinner == 0
    assert "Åse deltager ikke i konferencemiddagen." in text(client.get(response.url))
    client.post(dinner_url(member), {"dinner": "ja"})
    assert registration_of(member).dinner is True


def test_the_dinner_answer_is_changed_only_through_the_members_own_exhibitor(
    client, stand_staff_category, exhibitor, edition, stands
):
    member = services.add_stand_staff(exhibitor=exhibitor, name="Åse", email="a@x.dk", dinner=True)
    other = services.book_stands(
        edition=edition, stand_ids=[stands[0].pk], details=details(organisation="B")
    )
    kwargs = {"edition": edition.slug, "token": other.token, "pk": member.pk}
    url = reverse("public:exhibitor_staff_dinner", kwargs=kwargs)
    assert client.post(url, {"dinner": "nej"}).status_code == 404
    assert client.post(dinner_url(member), {"dinner": "måske"}).status_code == 400
    assert registration_of(member).dinner is True
