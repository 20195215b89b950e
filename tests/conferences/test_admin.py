"""Organisers edit an edition in the Danish back office."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forsamling.conferences.models import Edition
from tests.factories import no_inline_rows


@pytest.fixture
def organiser(db):
    return get_user_model().objects.create_superuser("kl", "kl@example.org", "s3cret-pass")


def form_data(edition: Edition, **changes) -> dict:
    data = {
        "title": edition.title,
        "tagline": edition.tagline,
        "slug": edition.slug,
        "year": edition.year,
        "is_public": "on",
        "start_date": edition.start_date.isoformat(),
        "end_date": edition.end_date.isoformat(),
        "venue": edition.venue,
        "city": edition.city,
        "registration_opens_at_0": "2026-02-25",
        "registration_opens_at_1": "10:00:00",
        "registration_closes_at_0": "",
        "registration_closes_at_1": "",
        "cancellation_deadline_0": "",
        "cancellation_deadline_1": "",
        "exhibitors_open_at_0": "2026-01-13",
        "exhibitors_open_at_1": "00:00:00",
        "exhibitors_close_at_0": "",
        "exhibitors_close_at_1": "",
        "headline": edition.headline,
        "lead": edition.lead,
        "intro": edition.intro,
        "takeaways_heading": edition.takeaways_heading,
        "takeaways": edition.takeaways,
        "themes_heading": edition.themes_heading,
        "themes_intro": edition.themes_intro,
        "closing": edition.closing,
        "programme_note": edition.programme_note,
        "contact_name": edition.contact_name,
        "contact_role": edition.contact_role,
        "contact_unit": edition.contact_unit,
        "contact_phone": edition.contact_phone,
        "contact_email": edition.contact_email,
        **no_inline_rows("themes", "meals"),
    }
    data.update(changes)
    return data


def test_back_office_is_in_danish(client, organiser):
    """The admin speaks Danish to organisers."""
    client.force_login(organiser)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Forsamling – backoffice" in page
    assert "Udgaver" in page


def test_back_office_requires_login(client, db):
    """Anonymous visitors are sent to the login page."""
    response = client.get(reverse("admin:conferences_edition_changelist"))
    assert response.status_code == 302
    assert "/backoffice/login/" in response["Location"]


def test_organiser_moves_the_venue_and_opening_and_the_site_follows(
    client, organiser, seed_editions
):
    """Editing dates, venue, opening and contact in the back office changes the public page."""
    edition = seed_editions[2026]
    client.force_login(organiser)
    url = reverse("admin:conferences_edition_change", args=[edition.pk])
    response = client.post(
        url,
        form_data(
            edition,
            venue="Aalborg Kongres & Kultur Center",
            registration_opens_at_1="11:30:00",
            contact_phone="+45 3370 3000",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get("/").content.decode()
    assert "Aalborg Kongres &amp; Kultur Center, Aalborg" in page
    assert "Onsdag den 25. februar 2026 kl. 11.30" in page
    assert "+45 3370 3000" in page


def test_edition_list_is_newest_first(client, organiser, seed_editions):
    """The newest edition heads the list."""
    client.force_login(organiser)
    page = client.get(reverse("admin:conferences_edition_changelist")).content.decode()
    assert page.index("Forum 2026") < page.index("Forum 2023") < page.index("Forum 2022")
