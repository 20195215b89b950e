"""Checking a participant in: one function, one transaction, audited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction

from forsamling.checkin.models import CheckIn, CheckInEvent, Outcome, SessionEntry
from forsamling.checkin.queries import badge_holder
from forsamling.checkin.tokens import registration_id_from_code
from forsamling.conferences.models import Edition
from forsamling.domain.audit import Actor, ActorKind, AuditAction
from forsamling.domain.checkin import (
    DoorWarning,
    Holder,
    NotRegistered,
    UnknownBadge,
    door_warnings,
    refused,
)
from forsamling.programme.models import Session
from forsamling.registration.models import AuditEntry, ChoiceStatus, Registration


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
            AuditEntry.record(
                edition_id=edition.pk,
                registration_id=registration.pk,
                actor=Actor(ActorKind.CHECKIN, by.get_username()),
                action=AuditAction.CHECKED_IN,
            )
    except IntegrityError:  # two scanners at once: the other one won
        existing = CheckIn.objects.select_related("by").get(registration=registration)
        return CheckInResult(registration, existing, already=True)
    return CheckInResult(registration, checkin, already=False)


@dataclass(frozen=True)
class EventAnswer:
    """What the server made of one event: told back to the device that sent it."""

    event: CheckInEvent
    registration: Registration | None
    first_at: datetime | None  # when the person was first let in through this door
    first_device: str
    entered: int | None = None  # session door: people in so far


def record_event(
    *,
    edition: Edition,
    event_id: uuid.UUID,
    code: str,
    device: str,
    scanned_at: datetime,
    session: Session | None = None,
    by: Any = None,
) -> EventAnswer:
    """Takes one scan from a door device, idempotently.

    The event's own id makes a resent event count once (two requests with it at once: the
    second waits for the first's row and then reads it). Two events for the same person count
    once too: the first to reach the server checks them in, the later ones are answered
    with when and where that was.
    """
    existing = CheckInEvent.objects.filter(pk=event_id).first()
    if existing is not None:
        return _answer(existing)
    try:
        with transaction.atomic(durable=True):
            return _take(edition, event_id, code, device, scanned_at, session, by)
    except IntegrityError:
        return _answer(CheckInEvent.objects.get(pk=event_id))


def _take(
    edition: Edition,
    event_id: uuid.UUID,
    code: str,
    device: str,
    scanned_at: datetime,
    session: Session | None,
    by: Any,
) -> EventAnswer:
    registration = _holder_registration(code)
    holder = _holder(edition, registration)
    warnings = door_warnings(holder, session=session.pk if session else None)
    is_refused = refused(warnings)
    event = CheckInEvent.objects.create(
        id=event_id,
        edition=edition,
        registration=None if registration is None or is_refused else registration,
        session=session,
        code=code[:200],
        device=device[:100],
        scanned_at=scanned_at,
        by=by if getattr(by, "is_authenticated", False) else None,
        outcome=Outcome.REFUSED if is_refused else Outcome.CHECKED_IN,
        warnings=[str(w) for w in warnings],
    )
    if is_refused or registration is None:
        return EventAnswer(event, registration, None, "")
    if session is None:
        return _enter_conference(event, registration, by)
    return _enter_session(event, registration, session, holder)


def _holder_registration(code: str) -> Registration | None:
    registration_id = registration_id_from_code(code)
    if registration_id is None:
        return None
    return Registration.objects.select_related("category").filter(pk=registration_id).first()


def _holder(edition: Edition, registration: Registration | None) -> Holder | None:
    if registration is None:
        return None
    if registration.edition_id != edition.pk:
        return Holder(same_edition=False, active=registration.is_active)
    choices = list(registration.choices.values_list("slot_id", "session_id", "status"))
    seated = {session for _, session, status in choices if status == ChoiceStatus.CONFIRMED}
    seated_slots = {slot for slot, _, status in choices if status == ChoiceStatus.CONFIRMED}
    waiting = {session for _, session, status in choices if status == ChoiceStatus.WAITING}
    return Holder(
        same_edition=True,
        active=registration.is_active,
        seated=frozenset(seated),
        waiting=frozenset(waiting),
        waiting_without_seat=any(
            status == ChoiceStatus.WAITING and slot not in seated_slots
            for slot, _, status in choices
        ),
    )


def _enter_conference(event: CheckInEvent, registration: Registration, by: Any) -> EventAnswer:
    """Runs inside the caller's transaction (`record_event`'s): the savepoint lets a lost
    race be answered without losing the event."""
    try:
        with transaction.atomic():
            checkin = CheckIn.objects.create(
                registration=registration,
                at=event.scanned_at,
                by=event.by,
                device=event.device,
                event=event,
            )
            AuditEntry.record(
                edition_id=event.edition_id,
                registration_id=registration.pk,
                actor=Actor(ActorKind.CHECKIN, event.device),
                action=AuditAction.CHECKED_IN,
                details={"event": str(event.pk), "device": event.device},
            )
    except IntegrityError:  # another device got there first
        checkin = CheckIn.objects.get(registration=registration)
        event.outcome = Outcome.ALREADY
        event.save(update_fields=["outcome"])
    return EventAnswer(event, registration, checkin.at, checkin.device)


def _enter_session(
    event: CheckInEvent, registration: Registration, session: Session, holder: Holder | None
) -> EventAnswer:
    """Runs inside the caller's transaction (`record_event`'s), with a savepoint as
    `_enter_conference`."""
    try:
        with transaction.atomic():
            entry = SessionEntry.objects.create(
                session=session,
                registration=registration,
                at=event.scanned_at,
                device=event.device,
                registered=holder is not None and session.pk in holder.seated,
                event=event,
            )
    except IntegrityError:
        entry = SessionEntry.objects.get(session=session, registration=registration)
        event.outcome = Outcome.ALREADY
    entered = SessionEntry.objects.filter(session=session).count()
    if event.outcome == Outcome.CHECKED_IN and session.capacity and entered > session.capacity:
        event.warnings = [*event.warnings, str(DoorWarning.FULL)]
    event.save(update_fields=["outcome", "warnings"])
    return EventAnswer(event, registration, entry.at, entry.device, entered)


def _answer(event: CheckInEvent) -> EventAnswer:
    """The answer to an event taken before: the same as the first time, with today's figures."""
    registration = (
        Registration.objects.select_related("category").filter(pk=event.registration_id).first()
        if event.registration_id
        else None
    )
    if registration is None or event.outcome == Outcome.REFUSED:
        return EventAnswer(event, registration, None, "")
    if event.session_id is None:
        checkin = CheckIn.objects.filter(registration=registration).first()
        return EventAnswer(
            event, registration, checkin.at if checkin else None, checkin.device if checkin else ""
        )
    entry = SessionEntry.objects.filter(
        session_id=event.session_id, registration=registration
    ).first()
    return EventAnswer(
        event,
        registration,
        entry.at if entry else None,
        entry.device if entry else "",
        SessionEntry.objects.filter(session_id=event.session_id).count(),
    )
