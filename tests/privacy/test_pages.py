"""The participant's privacy pages: the notice on every form and e-mail, consents, the export
(complete, and only that person's), and erasure before and after the conference."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forsamling.outbox.models import SentMessage
from forsamling.privacy.models import (
    ConsentRecord,
    DataRequest,
    PrivacySettings,
    RetainedInvoiceLine,
)
from forsamling.registration import services
from forsamling.registration.models import Status
from tests.privacy.builders import future_dates, person


@pytest.fixture
def conference(edition):
    future_dates(edition)
    PrivacySettings.objects.create(edition=edition, asks_photo_consent=True)
    return edition


def register(edition, name="Birgitte Særligsen", number=1):
    return services.register_participant(
        edition=edition,
        idempotency_key=uuid.uuid4().hex,
        details=person(name, number),
        category=edition.politician,
        sessions=[edition.big_theme],
    ).registration


@pytest.fixture
def mine(conference, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return register(conference)


@pytest.fixture
def theirs(conference, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return register(conference, "Kasper Andensen", 2)


def own(registration, rest=""):
    return f"/{registration.edition.slug}/tilmelding/{registration.token}/{rest}"


def test_the_notice_names_the_controller_the_rights_datatilsynet_and_the_dates(client, conference):
    page = client.get(f"/{conference.slug}/privatliv/").content.decode()
    for text in (
        "KL (Kommunernes Landsforening)",
        "Datatilsynet",
        "Retsgrundlag",
        "indsigt",
        "Anne Jensen",
    ):
        assert text in page
    end = conference.end_date
    assert f"{(end + timedelta(days=14)).day}." in page


@pytest.mark.parametrize(
    "path",
    ["tilmelding/", "tilmelding/gruppe/", "tilmelding/send-link/", "udstillere/book/"],
)
def test_every_form_links_to_the_notice(client, conference, path):
    conference.exhibitors_open_at = timezone.now() - timedelta(days=1)
    conference.exhibitors_close_at = timezone.now() + timedelta(days=1)
    conference.save()
    response = client.get(f"/{conference.slug}/{path}")
    assert response.status_code == 200
    assert f'href="/{conference.slug}/privatliv/"' in response.content.decode()


def test_every_email_links_to_the_notice(mine):
    assert mail.outbox
    for message in mail.outbox:
        assert f"/{mine.edition.slug}/privatliv/" in message.body


def test_consent_is_withdrawn_and_given_on_the_private_page(client, mine):
    page = client.get(own(mine)).content.decode()
    assert "Træk samtykket tilbage" in page and "Fotos" in page
    client.post(own(mine, "samtykke/"), {"purpose": "participant_list", "give": "0"})
    client.post(own(mine, "samtykke/"), {"purpose": "photos", "give": "1"})
    mine.refresh_from_db()
    assert mine.list_consent is False
    records = {
        (c.purpose, c.withdrawn_at is None) for c in ConsentRecord.objects.filter(registration=mine)
    }
    assert records == {("participant_list", False), ("photos", True)}


def test_an_unknown_purpose_is_a_404(client, mine):
    assert client.post(own(mine, "samtykke/"), {"purpose": "spam", "give": "1"}).status_code == 404


def test_the_export_is_complete_and_only_mine(client, mine, theirs):
    response = client.get(own(mine, "mine-oplysninger.json"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    text = response.content.decode()
    own_data = data["din_tilmelding"]
    r = own_data["tilmelding"]
    assert (r["navn"], r["e-mail"], r["telefon"]) == (mine.name, mine.email, mine.phone)
    assert r["kosthensyn"] and r["tilgængelighed"] and r["personreference"]
    assert own_data["sessioner"][0]["session"].endswith("Psykiatri")
    assert own_data["samtykker"][0]["ordlyd"]
    assert own_data["e-mails"] and mine.token in own_data["e-mails"][0]["tekst"]
    assert data["registre"]["tilmeldinger"][0]["telefon"] == mine.phone
    assert data["registre"]["sendte e-mails"]
    assert theirs.name not in text and theirs.email not in text and theirs.token not in text
    page = client.get(own(mine, "mine-oplysninger/")).content.decode()
    assert mine.phone in page and theirs.name not in page
    assert list(DataRequest.objects.values_list("kind", flat=True).order_by("id")) == [
        "export_json",
        "export_page",
    ]


def test_after_a_hand_over_the_export_holds_nothing_of_the_former_holder(client, mine):
    colleague = person("Ulla Overtagersen", 7)
    services.substitute_participant(registration=mine, details=colleague)
    mine.refresh_from_db()
    text = client.get(own(mine, "mine-oplysninger.json")).content.decode()
    assert "Birgitte" not in text and "birgitte" not in text
    assert "Ulla Overtagersen" in text


def test_erasure_before_the_conference_says_the_fee_then_cancels(client, mine, conference):
    conference.cancellation_deadline = timezone.now() - timedelta(days=1)
    conference.save()
    page = client.get(own(mine, "slet/")).content.decode()
    assert "3.995 kr." in page and "afmeld" in page
    response = client.post(own(mine, "slet/"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED and mine.cancellation_fee == 3995
    request = DataRequest.objects.get(kind="erasure")
    assert request.outcome == "cancelled" and request.anonymise_after > timezone.now()
    # The rest goes once the confirmation is out (the next retention run after the hour).
    from forsamling.privacy.retention import apply_retention

    apply_retention(now=timezone.now() + timedelta(hours=2))
    mine.refresh_from_db()
    assert mine.name == "Anonymiseret" and mine.phone == ""
    assert RetainedInvoiceLine.objects.get(registration=mine).amount == 3995


def test_erasure_after_the_conference_anonymises_at_once_keeping_the_invoice_line(
    client, mine, conference
):
    conference.start_date = timezone.localdate() - timedelta(days=2)
    conference.end_date = timezone.localdate() - timedelta(days=1)
    conference.save()
    old_token = mine.token
    assert "slettes med det samme" in client.get(own(mine, "slet/")).content.decode()
    client.post(own(mine, "slet/"))
    mine.refresh_from_db()
    assert mine.status == Status.ACTIVE  # attended: counted as before
    assert mine.name == "Anonymiseret" and mine.token != old_token
    assert not SentMessage.objects.filter(body__contains="Birgitte").exists()
    line = RetainedInvoiceLine.objects.get(registration=mine)
    assert (line.name, line.amount) == ("Birgitte Særligsen", 3995)
    assert client.get(f"/{conference.slug}/tilmelding/{old_token}/").status_code == 404
    assert DataRequest.objects.get(kind="erasure").outcome == "anonymised"


def test_the_audit_of_requests_holds_no_personal_data(client, mine):
    client.get(own(mine, "mine-oplysninger/"))
    request = DataRequest.objects.get()
    values = [str(v) for v in DataRequest.objects.values().get().values()]
    assert not [v for v in values if mine.name in v or mine.email in v or mine.token in v]
    assert request.registration_id == mine.pk


def test_a_message_from_the_organisers_links_to_the_notice(
    mine, django_capture_on_commit_callbacks
):
    from forsamling.outbox.models import Mailing
    from forsamling.registration.mailings import deliver

    mail.outbox.clear()
    mailing = Mailing.objects.create(
        edition=mine.edition,
        audience="all",
        audience_label="Alle",
        subject="Nyt",
        body="Hej {navn}",
    )
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after the commit
        deliver(mailing.pk)
    (message,) = mail.outbox
    assert message.body.startswith("Hej Birgitte Særligsen")
    assert f"/{mine.edition.slug}/privatliv/" in message.body
