"""Organisers see registrations, waiting lists and the audit log, and act through the services."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forsamling.invitations.services import create_code
from forsamling.registration.models import AuditEntry, Choice, Registration, SessionSeats
from forsamling.registration.pause import set_registration_paused

from .conftest import register_official

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_session(edition):
    for number in range(3):
        register_official(edition, f"k{number}", f"Person {number}", [edition.small_theme])
    return edition.small_theme


@pytest.mark.parametrize(
    "name",
    [
        "registration",
        "choice",
        "sessionseats",
        "auditentry",
        "category",
        "groupbooking",
        "outbox_sentmessage",
    ],
)
def test_every_registration_list_opens_for_an_organiser(organiser_client, full_session, name):
    app, _, model = name.rpartition("_")
    response = organiser_client.get(reverse(f"admin:{app or 'registration'}_{model}_changelist"))
    assert response.status_code == 200


def test_a_registration_shows_its_choices_and_audit_log(organiser_client, full_session):
    registration = Registration.objects.get(name="Person 2")
    page = organiser_client.get(
        reverse("admin:registration_registration_change", args=[registration.pk])
    ).content.decode()
    assert "På venteliste" in page and "registered" in page


def test_the_waiting_list_shows_places_in_line(organiser_client, full_session):
    page = organiser_client.get(
        reverse("admin:registration_choice_changelist") + "?status__exact=waiting"
    ).content.decode()
    assert "Person 2" in page and '<td class="field-position">1</td>' in page


def test_cancelling_from_the_back_office_is_audited_with_the_organiser_and_promotes(
    organiser_client, full_session
):
    first = Registration.objects.get(name="Person 0")
    organiser_client.post(
        reverse("admin:registration_registration_changelist"),
        {"action": "cancel_selected", "_selected_action": [first.pk]},
    )
    first.refresh_from_db()
    assert first.status == "cancelled"
    assert AuditEntry.objects.get(action="cancelled").actor == "arrangør:kl"
    assert Choice.objects.get(registration__name="Person 2").status == "confirmed"


def test_adding_seats_and_filling_from_the_waiting_list(organiser_client, full_session):
    full_session.capacity = 3
    full_session.save()
    seats = SessionSeats.objects.get(session=full_session)
    organiser_client.post(
        reverse("admin:registration_sessionseats_changelist"),
        {"action": "fill_selected", "_selected_action": [seats.pk]},
    )
    assert Choice.objects.get(registration__name="Person 2").status == "confirmed"
    seats.refresh_from_db()
    assert seats.taken == 3


def test_a_seat_counter_cannot_be_deleted_nor_saved_over_from_the_admin(
    organiser_client, full_session
):
    """Counters change only under their lock: the admin's form saves nothing, and no delete."""
    seats = SessionSeats.objects.get(session=full_session)
    change = reverse("admin:registration_sessionseats_change", args=[seats.pk])
    taken = seats.taken
    SessionSeats.objects.filter(pk=seats.pk).update(taken=taken + 1)  # a registration, meanwhile
    organiser_client.post(change, {"_save": "Gem"})
    seats.refresh_from_db()
    assert seats.taken == taken + 1
    delete = reverse("admin:registration_sessionseats_delete", args=[seats.pk])
    assert organiser_client.post(delete, {"post": "yes"}).status_code == 403
    assert SessionSeats.objects.filter(pk=seats.pk).exists()


def test_the_log_reads_as_danish_sentences_also_for_entries_without_a_registration(
    organiser_client, full_session, edition
):
    """The organisers' own actions (a pause, an invitation code) read as sentences too."""
    user = get_user_model().objects.get(username="kl")
    user.first_name, user.last_name = "Maja", "Jensen"
    user.save()
    set_registration_paused(edition=edition, paused=True, user=user)
    code = create_code(edition=edition, category=edition.official, user=user).code
    page = organiser_client.get(reverse("admin:registration_auditentry_changelist"))
    html = page.content.decode()
    assert "Maja Jensen (arrangør) satte tilmeldingen på pause" in html
    assert f"Maja Jensen (arrangør) oprettede invitationskoden {code}" in html
    assert f"Person 2 tilmeldte sig med {full_session}" in html
    assert "registration_paused" not in html.split('id="changelist-filter"')[0]
