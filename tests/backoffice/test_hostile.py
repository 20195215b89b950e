"""Hostile input to the back office: rows stored before the forms refused control characters
still export; a POST with missing or absurd fields is answered, never a 500."""

from __future__ import annotations

import io

import pytest
from django.contrib.messages import get_messages
from openpyxl import load_workbook

from forsamling.registration.models import Choice, Registration

pytestmark = pytest.mark.django_db

BASE = "/backoffice/konference/2026"


@pytest.mark.parametrize(
    "path", ["tilmeldinger/?format=xlsx", "deltagerliste.xlsx", "fakturagrundlag.xlsx"]
)
def test_every_xlsx_export_works_with_a_control_character_stored_in_a_row(
    client, conference, people, users, path
):
    Registration.objects.filter(pk=people.aase.pk).update(
        name="Aase\x01Ørum", organisation="Aabenraa\x1fKommune", job_title="Råd\x08mand",
        order_reference="PO\x0b17",
    )  # fmt: skip
    client.force_login(users.organiser)
    response = client.get(f"{BASE}/{path}")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    assert any("\ufffd" in cell for cell in cells)
    assert not any(c in cell for cell in cells for c in "\x01\x1f\x08\x0b")


def move(client, conference, registration, data):
    return client.post(f"{BASE}/tilmeldinger/{registration.pk}/flyt/", data)


@pytest.mark.parametrize(
    "data",
    [{}, {"slot": ""}, {"slot": "99999999999999999999"}, {"slot": "abc"}, {"slot": "-1"},
     {"session": "1"}],
)  # fmt: skip
def test_moving_without_a_usable_slot_says_so_and_changes_nothing(
    client, conference, people, users, data
):
    client.force_login(users.organiser)
    before = list(Choice.objects.values_list("pk", "session_id", "status").order_by("pk"))
    response = move(client, conference, people.aase, data)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/tilmeldinger/{people.aase.pk}/")
    [message] = get_messages(response.wsgi_request)
    assert str(message) == "Vælg den programdel, deltageren skal flyttes i."
    assert list(Choice.objects.values_list("pk", "session_id", "status").order_by("pk")) == before


@pytest.mark.parametrize("session", ["99999999999999999999", "x", "0"])
def test_moving_to_a_session_that_is_not_there_says_so(client, conference, people, users, session):
    client.force_login(users.organiser)
    before = list(Choice.objects.values_list("pk", "session_id", "status").order_by("pk"))
    slot = conference.small.slot_id
    response = move(client, conference, people.aase, {"slot": str(slot), "session": session})
    assert response.status_code == 302
    [message] = get_messages(response.wsgi_request)
    assert str(message) == "Vælg en session fra listen."
    assert list(Choice.objects.values_list("pk", "session_id", "status").order_by("pk")) == before
