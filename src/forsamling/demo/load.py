"""Build the demo editions from the transcribed seeds (`seeds/edition_<year>.json`).

Loading is idempotent: an edition that already exists is left exactly as it is, so running the
demo again never duplicates anything nor overwrites what an organiser has changed since.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from django.db import transaction

from forsamling.conferences.models import Edition, Theme
from forsamling.core.transactions import require_callers_transaction
from forsamling.domain.danish import COPENHAGEN
from forsamling.programme.models import (
    Day,
    EditionModerator,
    Item,
    ItemSpeaker,
    SessionSpeaker,
    Speaker,
    Track,
)
from forsamling.registration.programme_notices import publish_and_announce
from forsamling.registration.sessions import create_session

SEEDS_DIR = Path(__file__).resolve().parent / "seeds"
SEED_YEARS = (2022, 2023, 2026)


def seed_data(year: int) -> dict[str, Any]:
    with (SEEDS_DIR / f"edition_{year}.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _local(value: str | None) -> datetime | None:
    """An ISO date or date-time in Copenhagen time, as an aware datetime."""
    if not value:
        return None
    if "T" in value:
        return datetime.fromisoformat(value).replace(tzinfo=COPENHAGEN)
    return datetime.combine(date.fromisoformat(value), time(0, 0), tzinfo=COPENHAGEN)


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def _paragraphs(value: list[str] | str | None) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        return value
    return "\n\n".join(value)


def _speaker(data: dict[str, Any]) -> Speaker:
    speaker, _ = Speaker.objects.get_or_create(
        name=data["name"],
        title=data.get("title") or "",
        organisation=data.get("organisation") or "",
    )
    return speaker


def load_edition(data: dict[str, Any], *, slug: str | None = None) -> tuple[Edition, bool]:
    """Create the edition a seed describes unless it exists; returns (edition, created)."""
    with transaction.atomic(durable=True):
        return load_edition_in_transaction(data, slug=slug)


def load_edition_in_transaction(
    data: dict[str, Any], *, slug: str | None = None
) -> tuple[Edition, bool]:
    """`load_edition` as a step that runs inside the caller's transaction (the demo edition is
    copied from a seed loaded in the same one)."""
    require_callers_transaction()
    info = data["edition"]
    slug = slug or str(info["year"])
    existing = Edition.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, False
    contact = info.get("contact") or {}
    edition = Edition.objects.create(
        slug=slug,
        year=info["year"],
        title=info["title"],
        tagline=info.get("tagline") or "",
        start_date=date.fromisoformat(info["start_date"]),
        end_date=date.fromisoformat(info["end_date"]),
        venue=info.get("venue") or "",
        city=info.get("city") or "",
        headline=info.get("headline") or "",
        lead=info.get("lead") or "",
        intro=_paragraphs(info.get("intro")),
        takeaways_heading=info.get("takeaways_heading") or "Hvad får du med hjem?",
        takeaways="\n".join(info.get("takeaways") or []),
        themes_heading=info.get("themes_heading") or "Konferencens hovedtemaer",
        themes_intro=_paragraphs(info.get("themes_intro")),
        closing=_paragraphs(info.get("closing")),
        programme_note=info.get("programme_note") or "",
        registration_opens_at=_local(info.get("registration_opens_at")),
        exhibitors_open_at=_local(info.get("exhibitors_open_at")),
        contact_name=contact.get("name") or "",
        contact_role=contact.get("role") or "",
        contact_unit=contact.get("unit") or "",
        contact_phone=contact.get("phone") or "",
        contact_email=contact.get("email") or "",
    )
    for order, theme in enumerate(data.get("themes") or []):
        Theme.objects.create(
            edition=edition,
            order=order,
            title=theme["title"],
            description=theme.get("description") or "",
        )
    if data.get("moderator"):
        EditionModerator.objects.create(edition=edition, speaker=_speaker(data["moderator"]))
    tracks = {}
    for order, track in enumerate(data.get("tracks") or []):
        tracks[track["key"]] = Track.objects.create(
            edition=edition,
            key=track["key"],
            name=track["name"],
            description=track.get("description") or "",
            order=order,
        )
    for day_data in data.get("days") or []:
        day = Day.objects.create(
            edition=edition,
            date=date.fromisoformat(day_data["date"]),
            title=day_data.get("title") or "",
        )
        for order, item in enumerate(day_data.get("items") or []):
            _create_item(edition, day, item, order=order, tracks=tracks, parent=None)
    return edition, True


def _create_item(
    edition: Edition,
    day: Day,
    data: dict[str, Any],
    *,
    order: int,
    tracks: dict[str, Track],
    parent: Item | None,
) -> Item:
    item = Item.objects.create(
        edition=edition,
        day=day,
        parent=parent,
        kind=data["kind"],
        starts_at=_time(data.get("start")),
        ends_at=_time(data.get("end")),
        title=data["title"],
        description=data.get("description") or "",
        note=data.get("note") or "",
        track=tracks.get(data["track"]) if data.get("track") else None,
        speakers_suffix=data.get("speakers_suffix") or "",
        speaker_tba=bool(data.get("speaker_tba")),
        order=order,
    )
    for position, speaker in enumerate(data.get("speakers") or []):
        ItemSpeaker.objects.create(item=item, speaker=_speaker(speaker), order=position)
    for position, child in enumerate(data.get("children") or []):
        _create_item(edition, day, child, order=position, tracks=tracks, parent=item)
    for position, session_data in enumerate(data.get("sessions") or []):
        session = create_session(
            slot=item,
            kind=session_data["kind"],
            number=session_data.get("number"),
            title=session_data["title"],
            subtitle=session_data.get("subtitle") or "",
            description=session_data.get("description") or "",
            audience=session_data.get("audience") or "everyone",
            meet_label=session_data.get("meet_label") or "",
            capacity=session_data.get("capacity"),
            order=position,
        )
        for speaker_position, speaker in enumerate(session_data.get("speakers") or []):
            SessionSpeaker.objects.create(
                session=session, speaker=_speaker(speaker), order=speaker_position
            )
    return item


# The seeds whose programme was published in full: the demo shows them as version 1.
PUBLISHED_YEARS = (2023,)


def load_seed_editions() -> list[tuple[Edition, bool]]:
    loaded = [load_edition(seed_data(year)) for year in SEED_YEARS]
    for edition, _created in loaded:
        if edition.year in PUBLISHED_YEARS and not edition.programme_versions.exists():
            publish_and_announce(edition=edition, comment="Første version")
    return loaded
