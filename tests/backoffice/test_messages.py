"""Messages to participants: the groups, a preview, a test to oneself, the send-out and its log."""

import pytest
from django.core import mail

from forsamling.outbox.models import Delivery, Mailing
from forsamling.registration import mailings
from forsamling.registration.services import cancel_registration


def url(conference, suffix=""):
    return f"/backoffice/konference/{conference.edition.slug}/beskeder/{suffix}"


def names(conference, audience):
    return sorted(r.name for r in mailings.recipients(conference.edition, audience))


def test_everyone_means_the_active_participants(conference, people):
    cancel_registration(registration=people.zara)
    assert names(conference, "all") == ["Aase Ørum", "Bo Andersen", "Ægir Bøgh", "Øline Ås"]


def test_dinner_guests(conference, people):
    assert names(conference, "dinner") == ["Aase Ørum", "Ægir Bøgh"]


def test_a_sessions_participants_and_its_waiting_list(conference, people):
    assert names(conference, f"session:{conference.small.pk}") == ["Aase Ørum", "Ægir Bøgh"]
    assert names(conference, f"waiting:{conference.small.pk}") == ["Bo Andersen"]


def test_a_category(conference, people):
    assert names(conference, f"category:{conference.stand.pk}") == ["Øline Ås"]


@pytest.mark.parametrize("audience", ["", "session", "session:x", "everyone", "all:1"])
def test_unknown_groups_are_refused(conference, audience):
    with pytest.raises(mailings.UnknownAudience):
        mailings.recipients(conference.edition, audience)


def test_the_groups_on_offer_name_every_session_twice(conference):
    keys = [a.key for a in mailings.audiences(conference.edition)]
    assert keys[:2] == ["all", "dinner"]
    assert f"session:{conference.small.pk}" in keys and f"waiting:{conference.big.pk}" in keys


def post(client, conference, button, audience="dinner"):
    data = {"audience": audience, "subject": "Middag kl. 19", "body": "Kære {navn}\nVelkommen."}
    return client.post(url(conference), {**data, button: "1"})


def test_preview_shows_the_message_for_the_first_recipient_and_sends_nothing(
    client, conference, people, users
):
    client.force_login(users.organiser)
    html = post(client, conference, "preview").content.decode()
    assert "Sendes til 2 deltagere" in html and "Kære Aase Ørum" in html
    assert 'name="send"' in html
    assert mail.outbox == [] and not Mailing.objects.exists()


def test_test_send_goes_only_to_the_organiser(client, conference, people, users):
    client.force_login(users.organiser)
    post(client, conference, "test")
    assert [m.to for m in mail.outbox] == [["arrangoer@kl.dk"]]
    assert mail.outbox[0].subject == "[TEST] Middag kl. 19"
    assert not Mailing.objects.exists()


def test_sending_mails_everyone_in_the_group_and_logs_it(
    client, conference, people, users, django_capture_on_commit_callbacks
):
    client.force_login(users.organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, conference, "send")
    mailing = Mailing.objects.get()
    assert response["Location"].endswith(f"/beskeder/{mailing.pk}/")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people.aase.email, people.aeble.email])
    assert any(m.body.startswith("Kære Ægir Bøgh") for m in mail.outbox)
    assert mail.outbox[0].reply_to == ["forum@kl.dk"]
    assert Delivery.objects.filter(mailing=mailing, message__status="sent").count() == 2
    assert mailing.audience_label == "Alle tilmeldte til middagen" and mailing.finished_at
    log = client.get(response["Location"]).content.decode()
    assert people.aase.email in log and "0 blev afvist" in log and "0 venter" in log


def test_a_refused_message_is_logged_as_waiting_with_the_reason(
    conference, people, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.backoffice.failing_mail.Backend"
    mailing = Mailing.objects.create(
        edition=conference.edition, audience="dinner", audience_label="x", subject="s", body="b"
    )
    with django_capture_on_commit_callbacks(execute=True):
        mailings.deliver(mailing.pk)
    deliveries = list(mailing.deliveries.select_related("message"))
    assert len(deliveries) == 2
    assert {d.message.status for d in deliveries} == {"waiting"}
    assert "refused" in deliveries[0].message.last_error


def test_delivering_again_does_not_send_twice(
    conference, people, django_capture_on_commit_callbacks
):
    mailing = Mailing.objects.create(
        edition=conference.edition, audience="dinner", audience_label="x", subject="s", body="b"
    )
    with django_capture_on_commit_callbacks(execute=True):
        mailings.deliver(mailing.pk)
        mailings.deliver(mailing.pk)
    assert len(mail.outbox) == 2 and mailing.deliveries.count() == 2


def test_the_demo_edition_shows_its_mailings_on_the_post_page_and_sends_nothing(
    client, conference, people
):
    """As the demo's banner promises: no e-mail leaves it, the participant reads it at home."""
    from django.urls import reverse

    conference.edition.is_demo = True
    conference.edition.save(update_fields=["is_demo"])
    mailing = mailings.send_mailing(
        edition=conference.edition, audience="dinner", audience_label="Middag",
        subject="Middag kl. 19", body="Kære {navn}, vi ses.", user=None,
    )  # fmt: skip
    mailings.deliver(mailing.pk)

    assert mail.outbox == []
    assert mailing.deliveries.count() == 2
    assert not mailing.deliveries.filter(accepted=True).exists()
    inbox = reverse(
        "public:registration_inbox",
        kwargs={"edition": conference.edition.slug, "token": people.aeble.token},
    )
    page = client.get(inbox).content.decode()
    assert "Middag kl. 19" in page and "Kære Ægir Bøgh, vi ses." in page


def test_a_real_editions_mailing_is_also_kept_as_the_participants_sent_mail(
    conference, people, django_capture_on_commit_callbacks
):
    mailing = mailings.send_mailing(
        edition=conference.edition, audience="dinner", audience_label="Middag", subject="Middag",
        body="Hej {navn}",
        user=None,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        mailings.deliver(mailing.pk)
    assert len(mail.outbox) == 2
    assert people.aeble.messages.filter(subject="Middag", delivered=True).exists()
