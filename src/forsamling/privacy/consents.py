"""Consents as records: given and withdrawn with the wording and its version, never a flag alone.

`Registration.list_consent` stays as what the participant list is built from; it is kept
equal to "a participant-list consent is in force" by the functions here, in the caller's
transaction. Withdrawing is one click on the private page, as giving is. The records a
registration writes in its own transaction are written by `registration.services`.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from forsamling.domain.audit import PARTICIPANT, Actor, AuditAction
from forsamling.registration.models import AuditEntry, ConsentRecord, GivenBy, Purpose, Registration
from forsamling.registration.queries import Wording, current_wording
from forsamling.registration.services import (
    close_consents,
    create_consent,
    record_registration_consent,
    sync_list_consent,
)

# What the registration services record in their own transaction lives with them
# (`registration.services`, the wording in `registration.queries`); named here too for this
# app's pages and the back office.
__all__ = [
    "Wording",
    "awaiting_confirmation",
    "close_consents",
    "current_wording",
    "give_consent",
    "in_force",
    "record_registration_consent",
    "sync_list_consent",
    "withdraw_consent",
]


def awaiting_confirmation(registration: Registration) -> bool:
    """A consent the secretary gave for the member, not yet confirmed by the member."""
    return registration.consents.filter(
        purpose=Purpose.PARTICIPANT_LIST, withdrawn_at__isnull=True, given_by=GivenBy.SECRETARY
    ).exists()


def in_force(registration: Registration) -> dict[str, ConsentRecord]:
    return {c.purpose: c for c in registration.consents.filter(withdrawn_at__isnull=True)}


def give_consent(*, registration: Registration, purpose: str, actor: Actor = PARTICIPANT) -> None:
    """Gives a consent (nothing changes if the participant's own is in force already). A
    consent the secretary gave for them is replaced by their own: the confirmation."""
    now = timezone.now()
    with transaction.atomic(durable=True):
        _lock(registration)
        in_force = registration.consents.filter(purpose=purpose, withdrawn_at__isnull=True)
        if in_force.filter(given_by=GivenBy.PARTICIPANT).exists():
            return
        in_force.update(withdrawn_at=now)
        create_consent(registration, purpose, now)
        _set_list_flag(registration, purpose, True)
        _audit(registration, actor, AuditAction.CONSENT_GIVEN, purpose)


def withdraw_consent(
    *, registration: Registration, purpose: str, actor: Actor = PARTICIPANT
) -> None:
    """Withdraws a consent in force (nothing changes if there is none)."""
    now = timezone.now()
    with transaction.atomic(durable=True):
        _lock(registration)
        if not registration.consents.filter(purpose=purpose, withdrawn_at__isnull=True).update(
            withdrawn_at=now
        ):
            return
        _set_list_flag(registration, purpose, False)
        _audit(registration, actor, AuditAction.CONSENT_WITHDRAWN, purpose)


def _lock(registration: Registration) -> None:
    Registration.objects.select_for_update(no_key=True).filter(pk=registration.pk).first()


def _set_list_flag(registration: Registration, purpose: str, value: bool) -> None:
    if purpose == Purpose.PARTICIPANT_LIST and registration.list_consent != value:
        registration.list_consent = value
        registration.save(update_fields=["list_consent", "updated_at"])


def _audit(registration: Registration, actor: Actor, action: AuditAction, purpose: str) -> None:
    AuditEntry.record(
        registration_id=registration.pk,
        edition_id=registration.edition_id,
        actor=actor,
        action=action,
        details={"purpose": purpose},
    )
