"""The privacy panel on the participant's private page, and the notice's address for e-mails."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forsamling.domain.danish import format_moment
from forsamling.exhibitors.models import Exhibitor
from forsamling.privacy import consents
from forsamling.privacy.retention import settings_for
from forsamling.registration.models import ConsentRecord, GivenBy, Purpose

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
    awaiting_confirmation: bool = False


@register.simple_tag
def privacy_panel(registration: Any) -> Panel:
    """The consents the edition asks for, each with the one in force (if any)."""
    edition = registration.edition
    purposes = [Purpose.PARTICIPANT_LIST]
    if settings_for(edition).asks_photo_consent:
        purposes.append(Purpose.PHOTOS)
    if Exhibitor.objects.filter(edition_id=edition.pk).exists():
        purposes.append(Purpose.EXHIBITOR_LEADS)
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
        ],
        awaiting_confirmation=any(
            record.given_by == GivenBy.SECRETARY for record in given.values()
        ),
    )


@register.simple_tag
def privacy_url(edition: Any) -> str:
    """The notice's full address, for e-mails."""
    path = reverse("public:privacy_notice", kwargs={"edition": edition.slug})
    return f"{settings.SITE_URL}{path}"


ACTIONS = {
    "registered": _("Tilmeldt"),
    "choices_changed": _("Sessioner ændret"),
    "details_updated": _("Oplysninger rettet"),
    "cancelled": _("Afmeldt"),
    "substituted": _("Pladsen overdraget"),
    "promoted": _("Fået plads fra venteliste"),
    "checked_in": _("Tjekket ind"),
    "consent_given": _("Samtykke givet"),
    "consent_withdrawn": _("Samtykke trukket tilbage"),
    "ranked": _("Prioriteringer gemt"),
    "allocated": _("Plads fordelt efter prioriteringer"),
    "moved": _("Flyttet af arrangør"),
}


@register.filter
def action_label(action: str) -> str:
    """An audit entry's action in words (the code itself if it has none)."""
    return str(ACTIONS.get(action, action))


@register.filter
def iso_moment(value: str | None) -> str:
    """An ISO moment from the export, the Danish way ("onsdag den 2. december 2026 kl. 13.34")."""
    if not value:
        return ""
    return format_moment(datetime.fromisoformat(value))
