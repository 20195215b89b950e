"""The outbox in the back office: what waits, what failed and why, per edition and per
participant; sending one again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forsamling.outbox.models import MessageStatus, SentMessage
from tests.backoffice.conftest import make_conference

pytestmark = pytest.mark.django_db


def url(conference, rest=""):
    return f"/backoffice/konference/{conference.edition.slug}/udbakke/{rest}"


def confirmation(conference, registration, **fields):
    values = {"status": MessageStatus.SENT, "delivered": True, "attempts": 1}
    values.update(fields)
    return SentMessage.objects.create(
        edition=conference.edition, registration=registration, to=registration.email,
        subject="Tak for din tilmelding – Forum 2026", body="Tak.", **values,
    )  # fmt: skip


def undelivered(conference, people):
    """Aase's confirmation refused for good, Ægir's waiting for a server that is down; the
    other three sent."""
    confirmation(
        conference, people.aase, status=MessageStatus.FAILED, delivered=False,
        last_error="550 5.1.1 No such user here",
    )  # fmt: skip
    confirmation(
        conference, people.aeble, status=MessageStatus.WAITING, delivered=False, attempts=3,
        last_error="ConnectionRefusedError: [Errno 111] Connection refused",
        next_attempt_at=timezone.now() + timedelta(minutes=15),
    )  # fmt: skip
    for registration in (people.bo, people.oline, people.zara):
        confirmation(conference, registration)


def test_the_edition_page_counts_waiting_failed_and_sent_and_says_why(
    client, conference, people, users, django_assert_max_num_queries
):
    undelivered(conference, people)
    client.force_login(users.viewer)
    with django_assert_max_num_queries(9):
        html = client.get(url(conference)).content.decode()
    assert "550 5.1.1 No such user here" in html and "Connection refused" in html
    assert "<strong>1</strong> venter" in html and "<strong>1</strong> fejlet" in html
    assert "<strong>3</strong> sendt" in html  # the other three confirmations
    assert "Aase Ørum" in html and "Ægir Bøgh" in html and "Bo Andersen" not in html
    assert "Send igen" not in html  # a viewer may look, not send


def test_only_the_editions_own_messages_are_counted(client, conference, people, users):
    other = make_conference("2027")
    SentMessage.objects.create(
        edition=other.edition, to="x@example.dk", subject="Andet", body="b",
        status=MessageStatus.FAILED, last_error="550 other edition",
    )  # fmt: skip
    client.force_login(users.organiser)
    html = client.get(url(conference)).content.decode()
    assert "other edition" not in html
    message = SentMessage.objects.get(edition=other.edition)
    assert client.post(url(conference, f"{message.pk}/send-igen/")).status_code == 404


def test_check_in_staff_do_not_see_the_outbox(client, conference, people, users):
    client.force_login(users.checkin)
    assert client.get(url(conference)).status_code == 403


def test_an_organiser_sends_a_failed_message_again(
    client, conference, people, users, django_capture_on_commit_callbacks
):
    undelivered(conference, people)
    message = SentMessage.objects.get(registration=people.aase)
    mail.outbox.clear()
    client.force_login(users.organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(conference, f"{message.pk}/send-igen/"), follow=True)
    assert "sendes igen nu" in response.content.decode()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.delivered
    assert [m.to for m in mail.outbox] == [[people.aase.email]]


def test_a_viewer_may_not_send_again(client, conference, people, users):
    undelivered(conference, people)
    message = SentMessage.objects.get(registration=people.aase)
    client.force_login(users.viewer)
    assert client.post(url(conference, f"{message.pk}/send-igen/")).status_code == 403
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED


def test_sending_again_is_a_post(client, conference, people, users):
    message = confirmation(conference, people.aase)
    client.force_login(users.organiser)
    assert client.get(url(conference, f"{message.pk}/send-igen/")).status_code == 405


def test_a_sent_message_is_sent_again_as_a_copy_and_returns_to_the_participant(
    client, conference, people, users, django_capture_on_commit_callbacks
):
    message = confirmation(conference, people.bo)
    mail.outbox.clear()
    client.force_login(users.organiser)
    back = f"/backoffice/konference/{conference.edition.slug}/tilmeldinger/{people.bo.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(conference, f"{message.pk}/send-igen/"), {"next": back})
    assert response["Location"] == back
    assert SentMessage.objects.filter(registration=people.bo, status="sent").count() == 2
    assert [m.to for m in mail.outbox] == [[people.bo.email]]
    response = client.post(
        url(conference, f"{message.pk}/send-igen/"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == url(conference)


def test_the_registration_page_shows_the_participants_messages(client, conference, people, users):
    undelivered(conference, people)
    client.force_login(users.organiser)
    page = f"/backoffice/konference/{conference.edition.slug}/tilmeldinger/{people.aase.pk}/"
    html = client.get(page).content.decode()
    assert "E-mails til deltageren" in html
    assert "Tak for din tilmelding" in html and "550 5.1.1 No such user here" in html
    assert "Send igen" in html
