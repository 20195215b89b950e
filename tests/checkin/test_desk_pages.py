"""Walk-ins, a badge printed again, the arrivals overview and the no-shows."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from forsamling.checkin.models import CheckIn
from forsamling.checkin.services import record_event
from forsamling.checkin.tokens import badge_code
from forsamling.registration import seats
from forsamling.registration.models import AuditEntry, Choice, ChoiceStatus, Registration
from tests.outputs.pdf_text import needs_poppler, pdf_text

CPH = ZoneInfo("Europe/Copenhagen")


def base(conference):
    return f"/backoffice/konference/{conference.edition.slug}"


@pytest.fixture
def desk(users):
    client = Client()
    client.force_login(users.checkin)
    return client


def walk_in_data(conference, **extra):
    return {
        "idempotency_key": uuid.uuid4().hex,
        "name": "Walther Walk-In",
        "email": "walther@example.dk",
        "organisation": "Hjørring Kommune",
        "category": str(conference.official.pk),
        "dinner": "nej",
        f"slot_{conference.big.slot_id}": str(conference.big.pk),
        "accept_terms": "on",
        **extra,
    }


def test_a_walk_in_is_registered_checked_in_and_sent_to_the_badge(conference, people, desk):
    conference.edition.registration_closes_at = timezone.now() - timedelta(hours=1)
    conference.edition.save()
    response = desk.post(f"{base(conference)}/tjekind/ny/", walk_in_data(conference))
    walther = Registration.objects.get(name="Walther Walk-In")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/tjekind/navneskilt/{walther.pk}/")
    assert walther.category == conference.official
    assert Choice.objects.get(registration=walther).session == conference.big
    assert CheckIn.objects.get(registration=walther).device == "Skranken"
    assert AuditEntry.objects.get(registration=walther, action="registered").actor == (
        "indtjekning:doer"
    )
    page = desk.get(response["Location"])
    assert "tjekket ind kl." in page.content.decode()


def test_a_walk_in_obeys_the_public_forms_rules(conference, people, desk):
    # The small session is full: the walk-in waits, as on the public form.
    data = walk_in_data(conference, **{f"slot_{conference.small.slot_id}": conference.small.pk})
    desk.post(f"{base(conference)}/tjekind/ny/", data)
    walther = Registration.objects.get(name="Walther Walk-In")
    assert Choice.objects.get(registration=walther).status == ChoiceStatus.WAITING


def test_a_walk_in_with_errors_keeps_what_was_typed(conference, people, desk):
    data = walk_in_data(conference, email="ikke-en-adresse", accept_terms="")
    response = desk.post(f"{base(conference)}/tjekind/ny/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html and "Walther Walk-In" in html
    assert "ikke-en-adresse" in html and not Registration.objects.filter(name__startswith="W")


def test_a_walk_in_beyond_the_capacity_is_registered_with_a_visible_warning(
    conference, people, desk
):
    """The person is at the door: the desk registers them even when every place of the
    edition's capacity is taken, and the badge page warns the desk to tell the organisers."""
    edition = conference.edition
    edition.capacity = 4  # the four active participants of `people` fill it
    edition.save(update_fields=["capacity"])
    seats.recount_places(edition)
    response = desk.post(f"{base(conference)}/tjekind/ny/", walk_in_data(conference), follow=True)
    html = " ".join(response.content.decode().split())
    assert Registration.objects.filter(name="Walther Walk-In", status="active").exists()
    assert 'class="alert alert-warning" role="alert"' in html
    assert "Walther Walk-In er tilmeldt, men konferencen har nu flere deltagere end pladser" in html


def test_a_walk_in_already_registered_is_told_to_search(conference, people, desk):
    data = walk_in_data(conference, email=people.bo.email)
    html = desk.post(f"{base(conference)}/tjekind/ny/", data).content.decode()
    assert "Søg personen frem" in html


@needs_poppler
@pytest.mark.parametrize(("layout", "size"), [("label", (288, 216)), ("pages", (420, 298))])
def test_one_badge_is_printed_again_as_a_label_or_on_a6(conference, people, desk, layout, size):
    response = desk.get(f"{base(conference)}/tjekind/navneskilt/{people.aase.pk}/{layout}.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "Aase Ørum" in pdf_text(response.content)
    from tests.checkin.badge_boxes import page_size

    width, height = page_size(response.content)
    assert (round(width), round(height)) == size


def test_a_badge_of_another_edition_is_not_printed(conference, people, desk):
    response = desk.get(f"{base(conference)}/tjekind/navneskilt/999999/label.pdf")
    assert response.status_code == 404
    assert desk.get(f"{base(conference)}/tjekind/navneskilt/1/poster.pdf").status_code == 404


def test_arrivals_by_quarter_category_and_door_and_the_no_shows(conference, people, users):
    def scan(r, at, session=None):
        record_event(edition=conference.edition, event_id=uuid.uuid4(), code=badge_code(r.pk),
                     device="A", scanned_at=at, session=session)  # fmt: skip

    scan(people.aase, datetime(2026, 5, 7, 9, 2, tzinfo=CPH))
    scan(people.bo, datetime(2026, 5, 7, 9, 14, tzinfo=CPH))
    scan(people.zara, datetime(2026, 5, 7, 9, 31, tzinfo=CPH))
    scan(people.zara, datetime(2026, 5, 7, 13, 1, tzinfo=CPH), session=conference.small)
    organiser = Client()
    organiser.force_login(users.organiser)
    html = organiser.get(f"{base(conference)}/ankomster/").content.decode()
    assert "3 af 5 tilmeldte er kommet." in html
    assert "<td>09.00–09.15</td><td>2</td>" in html and "<td>09.30–09.45</td><td>1</td>" in html
    assert "<td>Kommunalpolitiker</td><td>3</td><td>2</td>" in html
    assert "Ældrepleje på øerne</td><td>2</td><td>2</td><td>1</td><td>1</td>" in html
    no_shows = html[html.index("Ikke kommet (2)") :]
    assert no_shows.index("Ægir Bøgh") < no_shows.index("Øline Ås")
    checkin_staff = Client()
    checkin_staff.force_login(users.checkin)
    assert checkin_staff.get(f"{base(conference)}/ankomster/").status_code == 403
