"""The one way to write an audit entry: `record`, with a typed actor and action name
(`forsamling.domain.audit`). Every service that changes a registration, a check-in or a
preference round calls it inside its own transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forsamling.domain.audit import Actor, AuditAction
from forsamling.registration.models import AuditEntry


def record(
    *,
    edition_id: int,
    actor: Actor | str,
    action: AuditAction,
    registration_id: int | None = None,
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Every caller passes an `Actor` but `registration.services`, whose actors are still the
    stored text ("arrangør:maja") while its path is rewritten: parsed here, so an unknown
    kind is still the system's. Narrow to `Actor` once it passes one."""
    typed = actor if isinstance(actor, Actor) else Actor.parse(actor)
    return AuditEntry.objects.create(
        edition_id=edition_id,
        registration_id=registration_id,
        actor=str(typed),
        action=AuditAction(action).value,
        details=dict(details or {}),
    )
