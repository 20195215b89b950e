"""The speakers of an edition as a spreadsheet's rows: status, slides, consents and needs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.utils import timezone

from forsamling.speakers.models import SpeakerRecord

HEADERS = [
    "Navn", "E-mail", "Titel", "Organisation", "Bekræftet", "Slides sendt", "Foto",
    "Må fotograferes", "Må filmes", "Må streames", "Hotelnat", "Rejse", "Teknisk udstyr",
]  # fmt: skip
NEEDS_HEADERS = ["Kosthensyn"]  # health data: only for the roles that may see needs


def _yes(value: bool) -> str:
    return "Ja" if value else "Nej"


def _moment(value: datetime | None) -> datetime | str:
    """Copenhagen's wall-clock time, without a zone (XLSX holds none); empty for none."""
    return timezone.localtime(value).replace(tzinfo=None) if value else ""


def speaker_rows(records: Sequence[SpeakerRecord], *, needs: bool) -> list[list[object]]:
    """Expects `speaker` selected."""
    rows: list[list[object]] = []
    for r in records:
        row: list[object] = [
            r.speaker.name, r.email, r.title, r.organisation, _moment(r.confirmed_at),
            _moment(r.slides_uploaded_at), _yes(bool(r.photo)), _yes(r.consent_photo),
            _yes(r.consent_film), _yes(r.consent_stream), _yes(r.hotel_night), r.travel,
            r.technical_needs,
        ]  # fmt: skip
        if needs:
            row.append(r.dietary)
        rows.append(row)
    return rows
