"""A speaker's record (what they wrote, photo, slides, consents and needs) and their table at
the dinner are in their export, and gone with their files when they are erased."""

from __future__ import annotations

import json

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from forsamling.domain import audit
from forsamling.privacy import services as privacy
from forsamling.registration import dinner
from forsamling.registration.models import TableSeat
from forsamling.speakers import services
from forsamling.speakers.files import checked_photo
from forsamling.speakers.models import SpeakerRecord
from tests.factories import ItemFactory
from tests.speakers.conftest import PDF, image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed(edition, programme_speaker, speaker_category, organiser):
    ItemFactory(day=edition.houses_slot.day, evening=True)
    record = services.invite_speaker(
        edition=edition, speaker=programme_speaker, email="lise@aalborg.dk",
        category=speaker_category, user=organiser,
    )  # fmt: skip
    record = services.save_speaker_page(
        record=record,
        profile=services.SpeakerProfile(
            title="Ældrechef", organisation="Aalborg Kommune", bio="Leder ældreplejen.",
            consent_film=True, travel="Tog fra Aarhus", hotel_night=True, dietary="Vegetar",
            technical_needs="Clicker",
        ),
        photo=checked_photo(SimpleUploadedFile("p.jpg", image_bytes())),
        slides=SimpleUploadedFile("s.pdf", PDF),
        slides_extension="pdf",
    )  # fmt: skip
    (table,) = dinner.set_tables(edition=edition, sizes=[8], actor=audit.organiser("kl"))
    dinner.place_guest(registration=record.registration, table=table, actor=audit.organiser("kl"))
    return record


def test_the_export_holds_the_speakers_record_and_table(confirmed):
    export = json.dumps(
        privacy.export_of_registration(confirmed.registration), default=str, ensure_ascii=False
    )
    for value in ("Leder ældreplejen.", "Tog fra Aarhus", "Vegetar", "Clicker", "Oplægsholder"):
        assert value in export, value
    assert "Bordplacering" in export


def test_erasure_removes_the_record_its_files_and_the_table_seat(confirmed):
    photo, slides = confirmed.photo.name, confirmed.slides.name
    assert default_storage.exists(photo) and default_storage.exists(slides)
    privacy.request_erasure(registration=confirmed.registration)
    assert not SpeakerRecord.objects.filter(pk=confirmed.pk).exists()
    assert not default_storage.exists(photo) and not default_storage.exists(slides)
    assert not TableSeat.objects.exists()


def test_the_retention_empties_the_needs_and_later_removes_the_record(confirmed, edition):
    from django.utils import timezone

    from forsamling.privacy.anonymise import anonymise_edition, erase_needs

    assert erase_needs(edition) >= 1
    record = SpeakerRecord.objects.get(pk=confirmed.pk)
    assert (record.dietary, record.travel, record.technical_needs, record.hotel_night) == (
        "", "", "", False,
    )  # fmt: skip
    anonymise_edition(edition, timezone.now())
    assert not SpeakerRecord.objects.exists()
