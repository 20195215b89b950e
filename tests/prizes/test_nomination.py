"""Nominating: the window, drafts, submission by private link, receipt, attachments, errors."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forsamling.domain import prizes as rules
from forsamling.prizes import services
from forsamling.prizes.attachments import check_attachment
from forsamling.prizes.models import Nomination, NominationState
from forsamling.registration.models import AuditEntry
from forsamling.registration.organisations import MUNICIPALITIES
from tests.prizes.conftest import complete_values, pdf_upload, png_upload

pytestmark = pytest.mark.django_db


def nominate_url(setup: SimpleNamespace) -> str:
    return reverse("public:prize_nominate", kwargs={"edition": setup.edition.slug})


def test_reference_list_has_the_98_municipalities() -> None:
    assert len(MUNICIPALITIES) == 98
    assert len(set(MUNICIPALITIES)) == 98


def test_save_draft_keeps_partial_values_and_sends_the_private_link(
    setup: SimpleNamespace, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        nomination = services.save_nomination(
            prize=setup.prize,
            nomination=None,
            values={"project_title": "Sund start", "contact_email": "a@aalborg.dk"},
            now=timezone.now(),
        )
    assert nomination.state == NominationState.DRAFT
    assert len(nomination.token) >= 40
    assert [m.to for m in mail.outbox] == [["a@aalborg.dk"]]
    assert nomination.get_absolute_url() in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="prize_nomination_created").count() == 1


def test_submit_needs_every_required_field(setup: SimpleNamespace) -> None:
    nomination = services.save_nomination(
        prize=setup.prize, nomination=None, values={"project_title": "X"}, now=timezone.now()
    )
    with pytest.raises(rules.Incomplete) as caught:
        services.submit_nomination(nomination=nomination, now=timezone.now())
    assert "contact_email" in caught.value.missing
    nomination.refresh_from_db()
    assert nomination.state == NominationState.DRAFT


def test_submit_sends_receipt_and_is_audited(
    setup: SimpleNamespace, django_capture_on_commit_callbacks: Any
) -> None:
    now = timezone.now()
    nomination = services.save_nomination(
        prize=setup.prize, nomination=None, values=complete_values(), now=now
    )
    with django_capture_on_commit_callbacks(execute=True):
        submitted = services.submit_nomination(nomination=nomination, now=now)
    assert submitted.state == NominationState.SUBMITTED
    assert submitted.submitted_at == now
    assert [m.subject.split(" – ")[0] for m in mail.outbox] == ["Tak for jeres indstilling"]
    assert "Sund start i dagtilbud" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="prize_nomination_submitted").exists()


def test_edits_allowed_until_close_not_after(setup: SimpleNamespace) -> None:
    closes = setup.prize.nominations_close_at
    nomination = services.save_nomination(
        prize=setup.prize, nomination=None, values=complete_values(), now=timezone.now()
    )
    services.submit_nomination(nomination=nomination, now=timezone.now())
    services.save_nomination(
        prize=setup.prize,
        nomination=nomination,
        values={"results": "Endnu bedre"},
        now=closes - timedelta(seconds=1),
    )
    with pytest.raises(rules.NominationsClosed):
        services.save_nomination(
            prize=setup.prize, nomination=nomination, values={"results": "Y"}, now=closes
        )
    nomination.refresh_from_db()
    assert nomination.results == "Endnu bedre"


def test_nothing_before_the_window_opens(setup: SimpleNamespace) -> None:
    with pytest.raises(rules.NominationsNotOpen):
        services.save_nomination(
            prize=setup.prize,
            nomination=None,
            values={"project_title": "X"},
            now=setup.prize.nominations_open_at - timedelta(seconds=1),
        )


def test_a_submitted_nomination_cannot_be_emptied(setup: SimpleNamespace) -> None:
    nomination = services.save_nomination(
        prize=setup.prize, nomination=None, values=complete_values(), now=timezone.now()
    )
    services.submit_nomination(nomination=nomination, now=timezone.now())
    with pytest.raises(rules.Incomplete):
        services.save_nomination(
            prize=setup.prize, nomination=nomination, values={"results": ""}, now=timezone.now()
        )


def test_attachment_checks_content_and_names_the_file_by_format() -> None:
    assert check_attachment(pdf_upload("x.png")).extension == "pdf"
    assert check_attachment(png_upload("billede.pdf")).extension == "png"
    assert check_attachment(png_upload("b.jpg", "JPEG")).content_type == "image/jpeg"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00 not a pdf", "hverken en PDF eller et billede"),
        (b"", "er tom"),
    ],
)
def test_attachment_rejects_other_content(content: bytes, message: str) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        check_attachment(SimpleUploadedFile("x.pdf", content))
    assert message in str(caught.value)


def test_attachment_size_limit(settings: object) -> None:
    from django.core.exceptions import ValidationError

    big = SimpleUploadedFile("stor.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as caught:
        check_attachment(big)
    assert "højst fylde 10 MB" in str(caught.value)


def test_gif_is_refused_by_format() -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        check_attachment(png_upload("a.gif", "GIF"))
    assert "GIF" in str(caught.value)


# Pages


def test_form_page_renders(client: Client, setup: SimpleNamespace) -> None:
    response = client.get(nominate_url(setup))
    assert response.status_code == 200
    assert "Aabenraa Kommune" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_draft_save_redirects_to_private_link(client: Client, setup: SimpleNamespace) -> None:
    response = client.post(
        nominate_url(setup),
        {"project_title": "Sund start", "contact_email": "a@aalborg.dk", "action": "save"},
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response["Location"] == nomination.get_absolute_url()
    page = client.get(nomination.get_absolute_url())
    assert "Kladde: ikke indsendt endnu" in page.content.decode()


def test_submit_through_the_pages_with_attachments(
    client: Client, setup: SimpleNamespace, django_capture_on_commit_callbacks: Any
) -> None:
    data = {**complete_values(), "action": "submit", "attachments": [pdf_upload(), png_upload()]}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(nominate_url(setup), data)
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert nomination.state == NominationState.SUBMITTED
    assert sorted(a.extension for a in nomination.attachments.all()) == ["pdf", "png"]
    for attachment in nomination.attachments.all():
        assert attachment.file.name.endswith("." + attachment.extension)
        assert "projekt" not in attachment.file.name
    assert any("Tak for jeres indstilling" in m.subject for m in mail.outbox)


def test_bad_input_keeps_what_was_typed_and_the_good_file(
    client: Client, setup: SimpleNamespace
) -> None:
    data = {
        **complete_values(contact_email="ikke-en-adresse", contact_phone="ring til mig"),
        "action": "submit",
        "attachments": [pdf_upload("god.pdf"), SimpleUploadedFile("virus.pdf", b"MZ nope")],
    }
    response = client.post(nominate_url(setup), data)
    body = response.content.decode()
    assert response.status_code == 422
    assert 'id="error-summary"' in body
    assert "Skriv en gyldig e-mailadresse" in body
    assert "Skriv telefonnummeret med cifre" in body
    assert "virus.pdf er hverken en PDF" in body
    assert 'value="ikke-en-adresse"' in body  # what was typed is shown again
    assert 'aria-invalid="true"' in body
    nomination = Nomination.objects.get()  # saved as a draft with the valid fields and file
    assert nomination.state == NominationState.DRAFT
    assert nomination.project_title == "Sund start i dagtilbud"
    assert [a.original_name for a in nomination.attachments.all()] == ["god.pdf"]
    assert nomination.get_absolute_url() in body


def test_missing_fields_on_submit_get_danish_errors(client: Client, setup: SimpleNamespace) -> None:
    response = client.post(nominate_url(setup), {"project_title": "Halvfærdig", "action": "submit"})
    body = response.content.decode()
    assert response.status_code == 422
    assert body.count("Skal udfyldes, før indstillingen kan indsendes.") >= 5
    assert Nomination.objects.get().state == NominationState.DRAFT


def test_empty_post_creates_nothing(client: Client, setup: SimpleNamespace) -> None:
    response = client.post(nominate_url(setup), {"action": "save"})
    assert response.status_code == 422
    assert "Udfyld mindst ét felt" in response.content.decode()
    assert not Nomination.objects.exists()


def test_closed_window_shows_message_and_no_form(client: Client, setup: SimpleNamespace) -> None:
    setup.prize.nominations_close_at = timezone.now() - timedelta(minutes=1)
    setup.prize.save()
    response = client.get(nominate_url(setup))
    body = response.content.decode()
    assert "Indstillingen lukkede" in body
    assert "Indsend indstillingen" not in body
    response = client.post(nominate_url(setup), {**complete_values(), "action": "submit"})
    assert response.status_code == 422
    assert not Nomination.objects.exists()


def test_private_link_is_needed(client: Client, setup: SimpleNamespace) -> None:
    url = reverse("public:prize_nomination", kwargs={"edition": setup.edition.slug, "token": "gæt"})
    assert client.get(url).status_code == 404


def test_remove_attachment(client: Client, setup: SimpleNamespace) -> None:
    client.post(nominate_url(setup), {"project_title": "X", "attachments": [pdf_upload()]})
    nomination = Nomination.objects.get()
    attachment = nomination.attachments.get()
    download = client.get(
        reverse(
            "public:prize_attachment",
            kwargs={"edition": "2026", "token": nomination.token, "pk": attachment.pk},
        )
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    client.post(
        reverse(
            "public:prize_remove_attachment",
            kwargs={"edition": "2026", "token": nomination.token, "pk": attachment.pk},
        )
    )
    assert not nomination.attachments.exists()


def test_after_close_the_private_page_shows_the_nomination_read_only(
    client: Client, setup: SimpleNamespace
) -> None:
    nomination = services.save_nomination(
        prize=setup.prize, nomination=None, values=complete_values(), now=timezone.now()
    )
    setup.prize.nominations_close_at = timezone.now() - timedelta(seconds=1)
    setup.prize.save()
    body = client.get(nomination.get_absolute_url()).content.decode()
    assert "Sund start i dagtilbud" in body
    assert '<form class="prize-form"' not in body
    assert "Indstillingen lukkede" in body
