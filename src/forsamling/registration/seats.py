"""Seats and waiting lists: the one place that counts, takes and frees seats.

Pretix's recipe: the seat counters of the sessions involved are locked late (after every
other check), once (all of them in one query) and in id order (so two transactions never
wait on each other crosswise), and only then is capacity checked. On SQLite the IMMEDIATE
transaction mode already serialises writers, and `select_for_update` is a no-op.
Choices to a session are only created, promoted or deleted while its counter row is locked,
so the waiting list's order (created_at, id) is the order in which people got the lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Q

from forsamling.programme.models import Session
from forsamling.registration.models import Choice, ChoiceStatus, Registration, SessionSeats


def lock_seats(session_ids: Iterable[int]) -> dict[int, SessionSeats]:
    """Counter rows for the sessions, created if missing, locked in session id order."""
    ids = sorted(set(session_ids))
    if not ids:
        return {}
    existing = set(
        SessionSeats.objects.filter(session_id__in=ids).values_list("session_id", flat=True)
    )
    if missing := [session_id for session_id in ids if session_id not in existing]:
        SessionSeats.objects.bulk_create(
            [SessionSeats(session_id=session_id) for session_id in missing], ignore_conflicts=True
        )
    rows = (
        SessionSeats.objects.select_for_update()
        .select_related("session")
        .filter(session_id__in=ids)
        .order_by("session_id")
    )
    return {row.session_id: row for row in rows}


def _has_room(row: SessionSeats) -> bool:
    capacity = row.session.capacity
    return capacity is None or row.taken < capacity


def take_seats(
    registration: Registration,
    sessions: Iterable[Session],
    seats: dict[int, SessionSeats],
    now: datetime,
) -> list[Choice]:
    """A choice per session: a seat while there is room, else the end of the waiting list.

    One INSERT for all the choices, and an UPDATE only of counters that changed (a place on a
    waiting list changes no counter): the counters stay locked for as few round trips as can be.
    """
    choices = []
    changed = []
    for session in sessions:
        row = seats[session.pk]
        if _has_room(row):
            row.taken += 1
            changed.append(row)
            status, confirmed_at = ChoiceStatus.CONFIRMED, now
        else:
            status, confirmed_at = ChoiceStatus.WAITING, None
        choices.append(
            Choice(
                registration=registration,
                slot_id=session.slot_id,
                session=session,
                status=status,
                confirmed_at=confirmed_at,
            )
        )
    Choice.objects.bulk_create(choices)
    _save(changed)
    return choices


def release_choices(choices: Iterable[Choice], seats: dict[int, SessionSeats]) -> None:
    """Deletes the choices and frees the seats the confirmed ones held (counters locked)."""
    changed = []
    for choice in choices:
        if choice.status == ChoiceStatus.CONFIRMED:
            seats[choice.session_id].taken -= 1
            changed.append(seats[choice.session_id])
        choice.delete()
    _save(changed)


def fill_from_waiting_lists(seats: dict[int, SessionSeats], now: datetime) -> list[Choice]:
    """Gives free seats to the first in line, at once; returns the promoted choices."""
    promoted = []
    changed = []
    for row in seats.values():
        while _has_room(row):
            first = (
                Choice.objects.filter(
                    session_id=row.session_id,
                    status=ChoiceStatus.WAITING,
                )
                .order_by("created_at", "id")
                .first()
            )
            if first is None:
                break
            first.status, first.confirmed_at = ChoiceStatus.CONFIRMED, now
            first.save(update_fields=["status", "confirmed_at"])
            row.taken += 1
            promoted.append(first)
            changed.append(row)
    _save(changed)
    return promoted


def _save(rows: Iterable[SessionSeats]) -> None:
    for row in {row.pk: row for row in rows}.values():
        SessionSeats.objects.filter(pk=row.pk).update(taken=row.taken)


def seats_left(session: Session, taken: int) -> int | None:
    """Free seats, or None when the session has no limit."""
    if session.capacity is None:
        return None
    return max(session.capacity - taken, 0)


def waiting_position(choice: Choice) -> int | None:
    """1 for the first in line; None for a confirmed choice."""
    if choice.status != ChoiceStatus.WAITING:
        return None
    before = Q(created_at__lt=choice.created_at) | Q(created_at=choice.created_at, id__lt=choice.id)
    ahead = Choice.objects.filter(before, session_id=choice.session_id, status=ChoiceStatus.WAITING)
    return ahead.count() + 1
