"""Checking a participant in: one function, one transaction, audited."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from forsamling.checkin.models import CheckIn
from forsamling.checkin.queries import badge_holder
from forsamling.conferences.models import Edition
from forsamling.domain.audit import Actor, ActorKind, AuditAction
from forsamling.domain.checkin import NotRegistered, UnknownBadge
from forsamling.registration.audit import record
from forsamling.registration.models import Registration


@dataclass(frozen=True)
class CheckInResult:
    registration: Registration
    checkin: CheckIn
    already: bool


def check_in(*, edition: Edition, code: str, by: Any) -> CheckInResult:
    """Marks the badge's holder as arrived; a second scan says when they already were."""
    registration = badge_holder(edition, code)
    if registration is None:
        raise UnknownBadge
    if not registration.is_active:
        raise NotRegistered
    existing = CheckIn.objects.select_related("by").filter(registration=registration).first()
    if existing is not None:
        return CheckInResult(registration, existing, already=True)
    try:
        with transaction.atomic(durable=True):
            checkin = CheckIn.objects.create(registration=registration, by=by)
            record(
                edition_id=edition.pk,
                registration_id=registration.pk,
                actor=Actor(ActorKind.CHECKIN, by.get_username()),
                action=AuditAction.CHECKED_IN,
            )
    except IntegrityError:  # two scanners at once: the other one won
        existing = CheckIn.objects.select_related("by").get(registration=registration)
        return CheckInResult(registration, existing, already=True)
    return CheckInResult(registration, checkin, already=False)
