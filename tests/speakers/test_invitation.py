"""Speakers are invited by e-mail to a private page; confirming there makes their free
registration by the invitation's one-use code, and what they write reaches the programme."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from forsamling.invitations.models import InvitationCode
from forsamling.outbox.models import SentMessage
from forsamling.programme.models import Speaker
from forsamling.registration.models import Registration, Status
from forsamling.speakers import services
from forsamling.speakers.models import SpeakerRecord
from tests.registration.conftest import details
from tests.speakers.conftest import PDF, image_bytes, pptx_bytes

pytestmark = pytest.mark.django_db


def invite(edition, speaker, category, user, email="Lise@Aalborg.dk"):
    return services.invite_speaker(
        edition=edition, speaker=speaker, email=email, category=category, user=user
    )


def page(record):
    return reverse(
        "public:speaker_page", kwargs={"edition": record.edition.slug, "token": record.token}
    )


def form(**overrides):
    data = {
        "title": "Ældrechef",
        "organisation": "Aalborg Kommune",
        "bio": "Leder ældreplejen i Aalborg.\nTidligere sygeplejerske.",
        "consent_photo": "on",
        "travel": "Tog fra Aarhus torsdag morgen",
        "hotel_night": "on",
        "dietary": "Vegetar",
        "technical_needs": "Lyd fra computeren",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_an_invitation_makes_a_record_a_one_use_code_and_an_email_with_the_private_link(
    edition, programme_speaker, speaker_category, organiser
):
    record = invite(edition, programme_speaker, speaker_category, organiser)
    assert record.email == "lise@aalborg.dk" and len(record.token) >= 40
    code = record.invitation
    assert code.category == speaker_category and code.max_uses == 1 and code.uses == 0
    message = SentMessage.objects.get(to="lise@aalborg.dk")
    assert page(record) in message.body
    assert "Lise Mortensen" in message.body
    assert not Registration.objects.exists()


def test_only_a_free_invitation_only_category_of_the_edition_may_be_used(
    edition, programme_speaker, organiser
):
    for category in (edition.politician, edition.official):  # paid, or open to anyone
        with pytest.raises(services.SpeakerError):
            invite(edition, programme_speaker, category, organiser)
    assert not SpeakerRecord.objects.exists() and not InvitationCode.objects.exists()


def test_a_speaker_is_invited_once_per_edition(
    edition, programme_speaker, speaker_category, organiser
):
    invite(edition, programme_speaker, speaker_category, organiser)
    with pytest.raises(services.SpeakerError):
        invite(edition, programme_speaker, speaker_category, organiser)
    assert SpeakerRecord.objects.count() == 1


def test_confirming_on_the_page_registers_for_free_by_the_code_and_saves_everything(
    client, edition, programme_speaker, speaker_category, organiser
):
    record = invite(edition, programme_speaker, speaker_category, organiser)
    assert client.get(page(record)).status_code == 200
    photo = SimpleUploadedFile("mig.jpg", image_bytes(), content_type="image/jpeg")
    slides = SimpleUploadedFile("oplaeg.pdf", PDF, content_type="application/pdf")
    response = client.post(page(record), form(photo=photo, slides=slides))
    assert response.status_code == 302
    record.refresh_from_db()
    registration = record.registration
    assert record.is_confirmed and registration.status == Status.ACTIVE
    assert registration.category == speaker_category and registration.category.price == 0
    assert registration.email == "lise@aalborg.dk" and registration.dietary == "Vegetar"
    assert record.invitation.__class__.objects.get(pk=record.invitation_id).uses == 1
    assert record.hotel_night and record.consent_photo and not record.consent_film
    assert record.slides.name.endswith(".pdf") and record.slides_uploaded_at is not None
    speaker = Speaker.objects.get(pk=programme_speaker.pk)
    assert speaker.organisation == "Aalborg Kommune" and speaker.bio.startswith("Leder")
    with record.photo.open("rb") as handle, Image.open(handle) as stored:
        assert stored.format == "JPEG" and max(stored.size) <= 800
        assert stored.size == (600, 800)  # turned upright by its EXIF orientation
        assert not stored.getexif()  # the camera and the orientation are gone
    # Again later: new slides after the talk; no second registration, the code used once.
    again = client.post(page(record), form(slides=SimpleUploadedFile("ny.pptx", pptx_bytes())))
    assert again.status_code == 302
    record.refresh_from_db()
    assert record.slides.name.endswith(".pptx")
    assert Registration.objects.count() == 1


def test_a_speaker_already_registered_keeps_that_registration_and_the_code_stays_unused(
    client, edition, programme_speaker, speaker_category, organiser
):
    from forsamling.registration.services import register_participant

    own = register_participant(
        edition=edition, idempotency_key="own", details=details(email="lise@aalborg.dk"),
        category=edition.official, sessions=[],
    ).registration  # fmt: skip
    record = invite(edition, programme_speaker, speaker_category, organiser)
    assert client.post(page(record), form()).status_code == 302
    record.refresh_from_db()
    assert record.registration == own and record.invitation.uses == 0
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "upload", "message"),
    [
        ("photo", ("mig.jpg", b"not an image at all"), "ikke et foto, vi kan læse"),
        ("photo", ("mig.gif", None), "skal være JPEG, PNG eller WebP"),
        ("slides", ("oplaeg.pdf", b"MZ\x90\x00 an exe"), "PDF eller en PowerPoint"),
        ("slides", ("oplaeg.pptx", b"PK\x03\x04 broken zip"), "PDF eller en PowerPoint"),
        ("slides", ("oplaeg.pdf", b""), "tom"),
    ],
)
def test_bad_files_are_refused_in_danish_and_nothing_is_saved(
    client, edition, programme_speaker, speaker_category, organiser, field, upload, message
):
    record = invite(edition, programme_speaker, speaker_category, organiser)
    name, content = upload
    if content is None:
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, format="GIF")
        content = buffer.getvalue()
    data = form(bio="Min tekst, der ikke må gå tabt", **{field: SimpleUploadedFile(name, content)})
    response = client.post(page(record), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert "Min tekst, der ikke må gå tabt" in body  # what was typed is kept
    record.refresh_from_db()
    assert not record.is_confirmed and not Registration.objects.exists()


def test_too_big_files_are_refused_before_they_are_read(
    client, edition, programme_speaker, speaker_category, organiser, monkeypatch
):
    from forsamling.speakers import files

    monkeypatch.setattr(files, "MAX_SLIDES_BYTES", 1000)
    monkeypatch.setattr(files, "MAX_PHOTO_BYTES", 1000)
    record = invite(edition, programme_speaker, speaker_category, organiser)
    response = client.post(
        page(record),
        form(
            slides=SimpleUploadedFile("stor.pdf", PDF + b"0" * 2000),
            photo=SimpleUploadedFile("stor.jpg", image_bytes()),
        ),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Slides må højst fylde 50 MB" in body and "Fotoet må højst fylde 8 MB" in body


def test_the_page_needs_the_right_token_and_edition(
    client, edition, programme_speaker, speaker_category, organiser
):
    record = invite(edition, programme_speaker, speaker_category, organiser)
    wrong = reverse("public:speaker_page", kwargs={"edition": "2026", "token": "gaettet"})
    assert client.get(wrong).status_code == 404
    other = reverse("public:speaker_page", kwargs={"edition": "1999", "token": record.token})
    assert client.get(other).status_code == 404
    assert client.get(page(record))["X-Robots-Tag"] == "noindex, nofollow"


def test_a_revoked_invitation_cannot_confirm(
    client, edition, programme_speaker, speaker_category, organiser
):
    from forsamling.invitations.services import revoke_code

    record = invite(edition, programme_speaker, speaker_category, organiser)
    revoke_code(invitation=record.invitation, user=organiser)
    response = client.post(page(record), form())
    assert response.status_code == 400 and "trukket tilbage" in response.content.decode()
    assert not Registration.objects.exists()
