"""The venue plan in the back office: the organisers upload the floor plan and place the
rooms on it; a wrong file or half a position is refused in Danish and keeps what was typed."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forsamling.programme.models import Room, VenuePlan

pytestmark = pytest.mark.django_db


def png(width=400, height=250) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "PNG")
    return SimpleUploadedFile("plan.html", buffer.getvalue(), content_type="text/html")


@pytest.fixture
def rooms(conference):
    edition = conference.edition
    return (
        Room.objects.create(edition=edition, name="Store Sal", order=1),
        Room.objects.create(edition=edition, name="Sal 3", order=2),
    )


def url(conference):
    return f"/backoffice/konference/{conference.edition.slug}/program/lokaleoversigt/"


def test_the_organiser_uploads_the_plan_and_places_the_rooms(client, conference, users, rooms):
    hall, sal3 = rooms
    client.force_login(users.organiser)
    assert client.get(url(conference)).status_code == 200
    response = client.post(url(conference), {
        "image": png(), "description": "Store Sal til venstre.",
        f"x_{hall.pk}": "30,5", f"y_{hall.pk}": "50", f"x_{sal3.pk}": "", f"y_{sal3.pk}": "",
    })  # fmt: skip
    assert response.status_code == 302
    plan = VenuePlan.objects.get(edition=conference.edition)
    assert plan.image.name.endswith(".png")  # named after its bytes, not "plan.html"
    hall.refresh_from_db()
    sal3.refresh_from_db()
    assert (hall.plan_x, hall.plan_y) == (Decimal("30.50"), Decimal("50.00"))
    assert (sal3.plan_x, sal3.plan_y) == (None, None)
    page = client.get(url(conference)).content.decode()
    assert 'class="vp-marker" data-x="30.50"' in page
    image = client.get(url(conference) + "billede/")
    assert image["Content-Type"] == "image/png"


def test_a_wrong_file_or_half_a_position_is_refused_and_keeps_what_was_typed(
    client, conference, users, rooms
):
    hall, sal3 = rooms
    client.force_login(users.organiser)
    response = client.post(url(conference), {
        "image": SimpleUploadedFile("plan.png", b"not an image"), "description": "Min beskrivelse",
        f"x_{hall.pk}": "30", f"y_{hall.pk}": "", f"x_{sal3.pk}": "150", f"y_{sal3.pk}": "10",
    })  # fmt: skip
    assert response.status_code == 400
    page = response.content.decode()
    assert "Filen er ikke et billede" in page
    assert "Skriv både vandret og lodret placering, eller ingen af dem." in page
    assert "100" in page and "Min beskrivelse" in page and 'value="150"' in page
    assert not VenuePlan.objects.exists()


def test_a_new_plan_needs_an_image(client, conference, users, rooms):
    client.force_login(users.organiser)
    response = client.post(url(conference), {"description": "Uden billede"})
    assert response.status_code == 400
    assert "Dette felt er påkrævet" in response.content.decode() or "påkrævet" in (
        response.content.decode()
    )


def test_only_organisers_may(client, conference, users, rooms):
    client.force_login(users.viewer)
    assert client.get(url(conference)).status_code == 403
    client.force_login(users.checkin)
    assert client.post(url(conference), {"remove": "ja"}).status_code == 403


def test_removing_the_plan_takes_the_rooms_off_it(client, conference, users, rooms):
    hall, _ = rooms
    client.force_login(users.organiser)
    client.post(url(conference), {"image": png(), "description": "Plan",
                                  f"x_{hall.pk}": "1", f"y_{hall.pk}": "2"})  # fmt: skip
    assert client.post(url(conference), {"remove": "ja"}).status_code == 302
    assert not VenuePlan.objects.exists()
    hall.refresh_from_db()
    assert hall.plan_x is None
