"""Reads of speakers' records: for their page, the public programme and the back office."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from django.db.models import QuerySet

from forsamling.conferences.models import Edition
from forsamling.speakers.models import SpeakerRecord
from forsamling.speakers.services import SpeakerProfile


def profile_values(record: SpeakerRecord) -> dict[str, Any]:
    return {field.name: getattr(record, field.name) for field in fields(SpeakerProfile)}


def confirmed_record(edition: Edition, speaker_key: str) -> SpeakerRecord | None:
    """The confirmed record behind a published speaker's key (the programme speaker's id)."""
    if not speaker_key.isdigit() or len(speaker_key) > 18:
        return None
    return (
        SpeakerRecord.objects.filter(
            edition=edition, speaker_id=int(speaker_key), confirmed_at__isnull=False
        )
        .only("id", "photo", "bio", "speaker_id", "edition_id", "confirmed_at")
        .first()
    )


@dataclass(frozen=True)
class SpeakerFilter:
    """The back office's filters; all off lists everyone invited."""

    unconfirmed: bool = False
    no_slides: bool = False
    hotel: bool = False


def speaker_records(edition: Edition, chosen: SpeakerFilter) -> QuerySet[SpeakerRecord]:
    records = SpeakerRecord.objects.filter(edition=edition).select_related(
        "speaker", "category", "registration"
    )
    if chosen.unconfirmed:
        records = records.filter(confirmed_at__isnull=True)
    if chosen.no_slides:
        records = records.filter(slides="")
    if chosen.hotel:
        records = records.filter(hotel_night=True)
    return records.order_by("speaker__name", "id")
