"""The prize's inspiration catalogue as an A4 PDF, made with WeasyPrint.

One entry per consented, submitted nomination, in Danish order of municipality, with its
first image embedded (read from storage, so it works whatever serves media files).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from forsamling.prizes.models import AttachmentKind, Nomination, Prize
from forsamling.registration.organisations import municipality_name


def _image_uri(nomination: Nomination) -> str:
    images = getattr(nomination, "images", None)
    if images is None:
        images = list(nomination.attachments.filter(kind=AttachmentKind.IMAGE))
    if not images:
        return ""
    image = images[0]
    with image.file.open("rb") as handle:
        data = base64.b64encode(handle.read()).decode("ascii")
    return f"data:{image.content_type};base64,{data}"


def catalogue_html(prize: Prize, entries: Sequence[Nomination]) -> str:
    with translation.override("da"):
        return render_to_string(
            "outputs/prize_catalogue.html",
            {
                "prize": prize,
                "edition": prize.edition,
                "entries": [
                    {
                        "nomination": n,
                        "municipality": municipality_name(n.municipality),
                        "image": _image_uri(n),
                    }
                    for n in entries
                ],
            },
        )


def catalogue_pdf(prize: Prize, entries: Sequence[Nomination]) -> bytes:
    return bytes(HTML(string=catalogue_html(prize, entries)).write_pdf())
