"""The privacy notice's text: the built-in default, and the organiser's text as blocks.

The organiser writes plain text: paragraphs separated by a blank line, a line starting with
"# " is a heading and lines starting with "- " make a list. The page adds, from the edition's
settings, the dates on which each kind of data is deleted, so those are never out of date.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition

DEFAULT_LIST_CONSENT = _("Mit navn, min stilling og min organisation må stå på deltagerlisten.")
DEFAULT_LEADS_CONSENT = _(
    "Udstillere, hvis standpersonale scanner mit navneskilt, må få mit navn, min stilling, "
    "min organisation og min e-mail."
)
DEFAULT_PHOTO_CONSENT = _(
    "KL må bruge fotos fra konferencen, hvor jeg kan genkendes, i omtale af konferencen."
)


@dataclass
class Block:
    kind: str  # "heading", "paragraph" or "list"
    text: str = ""
    items: list[str] = field(default_factory=list)


def blocks(text: str) -> list[Block]:
    """The organiser's text as headings, paragraphs and lists (escaped by the template)."""
    found: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        current: Block | None = None  # a blank line ends a paragraph or a list
        for line in (line.strip() for line in chunk.split("\n")):
            if not line:
                continue
            if line.startswith("#"):
                found.append(Block("heading", line.lstrip("#").strip()))
                current = None
            elif line.startswith("- "):
                if current is None or current.kind != "list":
                    current = Block("list")
                    found.append(current)
                current.items.append(line[2:].strip())
            elif current is not None and current.kind == "paragraph":
                current.text = f"{current.text} {line}"
            else:
                current = Block("paragraph", line)
                found.append(current)
    return found


def default_text(edition: Edition) -> str:
    """A sensible Danish notice for the forum, with KL as data controller."""
    contact = edition.contact_name or "KL's konferencesekretariat"
    if edition.contact_email:
        contact += f", {edition.contact_email}"
    if edition.contact_phone:
        contact += f", tlf. {edition.contact_phone}"
    return render_to_string(
        "privacy/default_notice.txt", {"edition": edition, "contact": contact}
    ).strip()
