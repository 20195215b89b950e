"""A secretary's tick is not the member's consent (issue 24): it is recorded as given by the
secretary, the member stays off the participant list, and their own confirmation on their
private page puts them on it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from forsamling.privacy.models import ConsentRecord, GivenBy
from forsamling.registration.models import GroupBooking, Registration
from forsamling.registration.queries import consenting_participants
from tests.registration.test_pages import form_data

pytestmark = pytest.mark.django_db


def _group_member(client, edition) -> Registration:
    client.post(
        reverse("public:registration_group_start", kwargs={"edition": edition.slug}),
        {"organisation": "Aalborg Kommune", "secretary_name": "Sif", "secretary_email": "s@a.dk"},
    )
    group = GroupBooking.objects.get()
    overview = reverse(
        "public:registration_group", kwargs={"edition": edition.slug, "token": group.token}
    )
    data = form_data(edition, idempotency_key="g1", email="m@aalborg.dk", name="Medlem Et")
    assert client.post(overview, data).status_code == 302
    return Registration.objects.get(email="m@aalborg.dk")


def test_the_secretarys_tick_is_recorded_as_theirs_and_keeps_the_member_off_the_list(
    client, edition
):
    member = _group_member(client, edition)
    record = ConsentRecord.objects.get(registration=member)
    assert record.given_by == GivenBy.SECRETARY and record.in_force
    assert member.list_consent is False
    assert member not in consenting_participants(edition)
    page = client.get(
        reverse("public:registration", kwargs={"edition": edition.slug, "token": member.token})
    ).content.decode()
    assert "Bekræft din tilmelding og dit samtykke" in page


def test_the_members_confirmation_puts_them_on_the_list_as_their_own_consent(client, edition):
    member = _group_member(client, edition)
    client.post(
        reverse("public:privacy_consent", kwargs={"edition": edition.slug, "token": member.token}),
        {"purpose": "participant_list", "give": "1"},
    )
    member.refresh_from_db()
    in_force = ConsentRecord.objects.get(registration=member, withdrawn_at__isnull=True)
    assert in_force.given_by == GivenBy.PARTICIPANT
    assert ConsentRecord.objects.filter(registration=member, given_by=GivenBy.SECRETARY).get()
    assert member.list_consent and member in consenting_participants(edition)
    page = client.get(
        reverse("public:registration", kwargs={"edition": edition.slug, "token": member.token})
    ).content.decode()
    assert "Bekræft din tilmelding og dit samtykke" not in page


def test_a_participant_registering_alone_gives_their_own_consent(client, edition):
    client.post(reverse("public:register", kwargs={"edition": edition.slug}), form_data(edition))
    registration = Registration.objects.get()
    assert ConsentRecord.objects.get(registration=registration).given_by == GivenBy.PARTICIPANT
    assert registration in consenting_participants(edition)
