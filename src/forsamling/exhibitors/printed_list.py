"""The exhibitor list for the printed programme: name, stand, description and logo, as the
public exhibitor page shows them (`exhibitors.queries.public_exhibitors`), as PDF and XLSX."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from weasyprint import HTML

from forsamling.conferences.models import Edition
from forsamling.exhibitors.models import Exhibitor

EXHIBITOR_LIST_HEADERS = ["Udstiller", "Stand", "Beskrivelse", "Hjemmeside", "Logo"]
LOGO_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg", b"RIFF": "image/webp"}


@dataclass(frozen=True)
class ListedExhibitor:
    name: str
    stands: str
    description: str
    website: str
    logo: str  # a data: URL the PDF embeds, or ""
    logo_name: str


def _logo(exhibitor: Exhibitor) -> str:
    """The uploaded logo as a data: URL (it was checked to be PNG, JPEG or WebP on upload)."""
    if not exhibitor.logo:
        return ""
    try:
        with exhibitor.logo.open("rb") as file:
            data = file.read()
    except OSError:
        return ""  # a file gone from storage leaves the name, not a broken list
    kind = next((t for magic, t in LOGO_TYPES.items() if data.startswith(magic)), "")
    return f"data:{kind};base64,{base64.b64encode(data).decode()}" if kind else ""


def listed(exhibitors: Sequence[Exhibitor]) -> list[ListedExhibitor]:
    """Expects `stands` prefetched, in number order."""
    return [
        ListedExhibitor(
            name=exhibitor.organisation,
            stands=", ".join(stand.number for stand in exhibitor.stands.all()),
            description=" ".join(exhibitor.description.split()),
            website=exhibitor.website,
            logo=_logo(exhibitor),
            logo_name=(exhibitor.logo.name or "").rsplit("/", 1)[-1],
        )
        for exhibitor in exhibitors
    ]


def exhibitor_list_rows(entries: Sequence[ListedExhibitor]) -> list[list[object]]:
    return [[e.name, e.stands, e.description, e.website, e.logo_name] for e in entries]


def exhibitor_list_pdf(edition: Edition, entries: Sequence[ListedExhibitor]) -> bytes:
    html = render_to_string(
        "exhibitors/printed_list.html", {"edition": edition, "entries": entries}
    )
    return HTML(string=html).write_pdf()
