"""The privacy panel on the participant's private page, and the notice's address for e-mails."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse

from forsamling.privacy import consents
from forsamling.privacy.models import ConsentRecord, Purpose
from forsamling.privacy.retention import settings_for

register = template.Library()


@dataclass(frozen=True)
class ConsentItem:
    purpose: str
    label: str
    wording: str
    record: ConsentRecord | None


@dataclass(frozen=True)
class Panel:
    consents: list[ConsentItem]


@register.simple_tag
def privacy_panel(registration: Any) -> Panel:
    """The consents the edition asks for, each with the one in force (if any)."""
    edition = registration.edition
    purposes = [Purpose.PARTICIPANT_LIST]
    if settings_for(edition).asks_photo_consent:
        purposes.append(Purpose.PHOTOS)
    given = consents.in_force(registration)
    wording = consents.current_wording(edition)
    return Panel(
        [
            ConsentItem(
                purpose=p.value,
                label=str(p.label),
                wording=given[p].wording if p in given else wording.of(p),
                record=given.get(p),
            )
            for p in purposes
        ]
    )


@register.simple_tag
def privacy_url(edition: Any) -> str:
    """The notice's full address, for e-mails."""
    path = reverse("public:privacy_notice", kwargs={"edition": edition.slug})
    return f"{settings.SITE_URL}{path}"
