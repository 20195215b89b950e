"""The organisers' switch that pauses new registrations (e.g. while bots are registering)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from forsamling.conferences.models import Edition
from forsamling.domain.audit import AuditAction, organiser
from forsamling.registration.models import AuditEntry


@transaction.atomic(durable=True)
def set_registration_paused(*, edition: Edition, paused: bool, user: Any) -> None:
    """Pauses or resumes; the public form refuses new registrations within a second (the
    public pages' one-second reads). Changing or cancelling a registration is not affected."""
    Edition.objects.filter(pk=edition.pk).update(registration_paused=paused)
    edition.registration_paused = paused
    AuditEntry.record(
        edition_id=edition.pk,
        actor=organiser(user.get_username()),
        action=AuditAction.REGISTRATION_PAUSED if paused else AuditAction.REGISTRATION_RESUMED,
    )
