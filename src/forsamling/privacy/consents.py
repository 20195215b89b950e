"""Consents as records: given and withdrawn with the wording and its version, never a flag alone.

`Registration.list_consent` stays as what the participant list is built from; it is kept
equal to "a participant-list consent is in force" by the functions here, in the caller's
transaction. Withdrawing is one click on the private page, as giving is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.core.recent import recent
from forsamling.domain.audit import AuditAction
from forsamling.privacy.models import ConsentRecord, GivenBy, PrivacyNotice, Purpose
from forsamling.privacy.notice import (
    DEFAULT_LEADS_CONSENT,
    DEFAULT_LIST_CONSENT,
    DEFAULT_PHOTO_CONSENT,
)
from forsamling.registration.audit import record
from forsamling.registration.models import Registration


@dataclass(frozen=True)
class Wording:
    """The consent wordings in force for an edition; version 0 is the built-in default."""

    version: int
    participant_list: str
    photos: str

    def of(self, purpose: str) -> str:
        if purpose == Purpose.EXHIBITOR_LEADS:
            # Not (yet) a wording the organisers edit: the built-in one, in the notice's version.
            return str(DEFAULT_LEADS_CONSENT)
        return self.participant_list if purpose == Purpose.PARTICIPANT_LIST else self.photos


def current_wording(edition: Edition) -> Wording:
    """From the latest published notice (kept for a second per process, as the form's reads)."""

    def read() -> Wording:
        notice = (
            PrivacyNotice.objects.filter(edition=edition)
            .order_by("-version")
            .values_list("version", "list_consent_text", "photo_consent_text")
            .first()
        )
        if notice is None:
            return Wording(0, str(DEFAULT_LIST_CONSENT), str(DEFAULT_PHOTO_CONSENT))
        return Wording(*notice)

    return recent(("privacy-wording", edition.pk), read)


def record_registration_consent(registration: Registration, now: datetime) -> None:
    """At registration, in its transaction: the participant-list box as ticked, as a record.

    On the 10.00 path this is one INSERT when the box is ticked (the wording is read at most
    once a second per process), nothing when it is not.
    """
    if not registration.list_consent:
        return
    if registration.group_id is None:
        _create(registration, Purpose.PARTICIPANT_LIST, now)
        return
    # Ticked by the group's secretary: recorded as theirs, and the member is off the list
    # until they confirm on their own page (`give_consent`).
    _create(registration, Purpose.PARTICIPANT_LIST, now, given_by=GivenBy.SECRETARY)
    Registration.objects.filter(pk=registration.pk).update(list_consent=False)
    registration.list_consent = False


def awaiting_confirmation(registration: Registration) -> bool:
    """A consent the secretary gave for the member, not yet confirmed by the member."""
    return registration.consents.filter(
        purpose=Purpose.PARTICIPANT_LIST, withdrawn_at__isnull=True, given_by=GivenBy.SECRETARY
    ).exists()


def in_force(registration: Registration) -> dict[str, ConsentRecord]:
    return {c.purpose: c for c in registration.consents.filter(withdrawn_at__isnull=True)}


def give_consent(*, registration: Registration, purpose: str, actor: str = "deltager") -> None:
    """Gives a consent (nothing changes if the participant's own is in force already). A
    consent the secretary gave for them is replaced by their own: the confirmation."""
    now = timezone.now()
    with transaction.atomic(durable=True):
        _lock(registration)
        in_force = registration.consents.filter(purpose=purpose, withdrawn_at__isnull=True)
        if in_force.filter(given_by=GivenBy.PARTICIPANT).exists():
            return
        in_force.update(withdrawn_at=now)
        _create(registration, purpose, now)
        _set_list_flag(registration, purpose, True)
        _audit(registration, actor, AuditAction.CONSENT_GIVEN, purpose)


def withdraw_consent(*, registration: Registration, purpose: str, actor: str = "deltager") -> None:
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


def sync_list_consent(registration: Registration, given: bool, now: datetime) -> None:
    """After `update_details` changed the box: a record given or withdrawn (in its transaction)."""
    open_ = registration.consents.filter(
        purpose=Purpose.PARTICIPANT_LIST, withdrawn_at__isnull=True
    )
    if given and not open_.filter(given_by=GivenBy.PARTICIPANT).exists():
        open_.update(withdrawn_at=now)  # the secretary's, now confirmed by the member
        _create(registration, Purpose.PARTICIPANT_LIST, now)
    elif not given:
        open_.update(withdrawn_at=now)


def close_all(registration: Registration, now: datetime) -> None:
    """Every consent in force ends (a hand-over: the colleague has given none; an erasure)."""
    registration.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)


def _create(
    registration: Registration, purpose: str, now: datetime, given_by: str = "participant"
) -> None:
    wording = current_wording(registration.edition)
    ConsentRecord.objects.create(
        registration=registration,
        purpose=purpose,
        version=wording.version,
        wording=wording.of(purpose),
        given_at=now,
        given_by=given_by,
    )


def _lock(registration: Registration) -> None:
    Registration.objects.select_for_update(no_key=True).filter(pk=registration.pk).first()


def _set_list_flag(registration: Registration, purpose: str, value: bool) -> None:
    if purpose == Purpose.PARTICIPANT_LIST and registration.list_consent != value:
        registration.list_consent = value
        registration.save(update_fields=["list_consent", "updated_at"])


def _audit(registration: Registration, actor: str, action: AuditAction, purpose: str) -> None:
    record(
        registration_id=registration.pk,
        edition_id=registration.edition_id,
        actor=actor,
        action=action,
        details={"purpose": purpose},
    )
