"""Hostile input to the exhibitor pages: never a 500, refused in Danish, nothing stored."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from forsamling.exhibitors import services
from forsamling.exhibitors.models import Exhibitor
from tests.exhibitors.conftest import details, image_bytes
from tests.exhibitors.test_pages import book_url, booking_data, profile_url, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stand", ["99999999999999999999", "-1", "1e3", "١", "0x10"])
def test_a_stand_id_no_database_can_hold_is_refused_not_a_server_error(
    client, edition, stands, stand
):
    response = client.post(book_url(edition), booking_data([], stands=[stand]))
    assert response.status_code == 422
    assert "Vælg en stand fra listen." in text(response)
    assert not Exhibitor.objects.exists()


def test_an_exhibitor_books_at_most_the_stands_the_edition_allows(client, edition, stands):
    assert edition.max_stands_per_exhibitor == 2
    response = client.post(book_url(edition), booking_data(stands[:3]))
    assert response.status_code == 422
    assert "En udstiller kan højst booke 2 stande." in text(response)
    assert not Exhibitor.objects.exists()
    edition.max_stands_per_exhibitor = 3
    edition.save()
    assert client.post(book_url(edition), booking_data(stands[:3])).status_code == 302


def test_the_service_refuses_too_many_stands_too(edition, stands):
    from forsamling.domain.stands import TooManyStands

    with pytest.raises(TooManyStands):
        services.book_stands(
            edition=edition, stand_ids=[s.pk for s in stands[:3]], details=details()
        )
    assert not Exhibitor.objects.exists()


def test_text_with_a_control_character_is_refused_and_the_input_kept(client, edition, stands):
    data = booking_data(stands[:1], organisation="Ældre\x01Sagen", contact_name="Søren\u202eÆrø")
    response = client.post(book_url(edition), data)
    assert response.status_code == 422
    page = text(response)
    assert page.count("usynligt styretegn") >= 2
    assert "Nørregade 49" in page  # the multi-line address with its line break was fine
    assert not Exhibitor.objects.exists()


@pytest.mark.parametrize(
    ("name", "image_format", "stored"),
    [("logo.gif", "PNG", ".png"), ("logo.png", "JPEG", ".jpg"), ("logo.jpeg", "WEBP", ".webp"),
     ("../../x.PNG", "PNG", ".png")],
)  # fmt: skip
def test_a_logos_stored_extension_follows_its_detected_format(
    client, edition, stands, name, image_format, stored
):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    logo = SimpleUploadedFile(name, image_bytes(image_format), content_type="image/png")
    response = client.post(profile_url(exhibitor), {"description": "", "website": "", "logo": logo})
    assert response.status_code == 302
    exhibitor.refresh_from_db()
    assert exhibitor.logo.name.startswith("exhibitors/logos/")
    assert exhibitor.logo.name.endswith(stored)
    served = client.get(f"/{edition.slug}/udstillere/logo/{exhibitor.pk}/")
    assert served["Content-Type"] == {".png": "image/png", ".jpg": "image/jpeg",
                                      ".webp": "image/webp"}[stored]  # fmt: skip


@pytest.mark.parametrize("name", ["logo.html", "logo", "logo.svg"])
def test_a_logo_named_as_something_else_than_an_image_is_refused(client, edition, stands, name):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    logo = SimpleUploadedFile(name, image_bytes("PNG"), content_type="text/html")
    response = client.post(profile_url(exhibitor), {"description": "", "website": "", "logo": logo})
    assert response.status_code == 422
    exhibitor.refresh_from_db()
    assert not exhibitor.logo
