"""The dinner: its seats and waiting list, and its table plan.

The dinner is held once with limited seats, as a session is; so it is a session (kind
`DINNER`, of the edition's evening event, left out of the published programme) and its seats
are the sessions' own machinery: the counter made with it (`sessions.create_session`), locked
with the participant's other sessions, a seat or the waiting list by the capacity rule
(`domain.registration_rules`), the first in line promoted when a seat is given up (`seats`).
A participant's dinner seat is their `Choice` of it. Without a dinner session the edition's
dinner is unlimited and only `Registration.dinner` says who comes. Both are read in `queries`
(`dinner_session`, and `dinner_to_take` for a new registration).

The table plan places those with a seat at numbered tables; organisers place people by hand
or let `domain.table_plan` seat the rest by organisation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.core.transactions import require_callers_transaction
from forsamling.domain import table_plan
from forsamling.domain.audit import SYSTEM, Actor, AuditAction
from forsamling.programme.models import Item, ItemKind, Session, SessionKind
from forsamling.registration import emails
from forsamling.registration.models import (
    AuditEntry,
    Choice,
    ChoiceStatus,
    DinnerTable,
    Registration,
    Status,
    TableSeat,
)
from forsamling.registration.queries import dinner_session
from forsamling.registration.seats import (
    fill_from_waiting_lists,
    lock_seats,
    release_choices,
    take_seats,
)
from forsamling.registration.sessions import create_session


class DinnerError(Exception):
    """The dinner or its tables cannot be set up as asked; the message is Danish."""


@transaction.atomic(durable=True)
def set_dinner_seats(*, edition: Edition, capacity: int | None, actor: Actor) -> Session:
    """The dinner's number of seats (None: no limit). The first time, those who already said
    yes get seats in the order they registered, the rest the waiting list; later, more seats
    go to the first in line at once."""
    now = timezone.now()
    session = dinner_session(edition.pk)
    if session is None:
        evening = (
            Item.objects.filter(edition=edition, kind=ItemKind.EVENING_EVENT)
            .order_by("day__date", "starts_at", "id")
            .first()
        )
        if evening is None:
            raise DinnerError(
                "Programmet har intet aftenarrangement. Opret det først; middagen hører til det."
            )
        session = create_session(
            slot=evening, kind=SessionKind.DINNER, title="Middag", capacity=capacity
        )
        seats = lock_seats([session.pk])
        coming = Registration.objects.filter(
            edition=edition, status=Status.ACTIVE, dinner=True
        ).order_by("created_at", "id")
        for registration in coming:
            take_seats(registration, [session], seats, now)
    else:
        seats = lock_seats([session.pk])
        Session.objects.filter(pk=session.pk).update(capacity=capacity)
        session.capacity = seats[session.pk].capacity = capacity
        _notify(fill_from_waiting_lists(seats, now))
    AuditEntry.record(
        edition_id=edition.pk,
        actor=actor,
        action=AuditAction.DINNER_SEATS,
        details={"capacity": capacity},
    )
    return session


def change_seat_in_transaction(registration: Registration, wants_dinner: bool) -> None:
    """After the participant's dinner answer changed (the registration locked by the caller):
    a seat or the waiting list for a yes, the seat freed and given to the next for a no."""
    require_callers_transaction()
    session = dinner_session(registration.edition_id)
    if session is None:
        return
    now = timezone.now()
    seats = lock_seats([session.pk])
    held = list(registration.choices.filter(session=session))
    if wants_dinner and not held and not session.is_cancelled:
        take_seats(registration, [session], seats, now)
    elif not wants_dinner and held:
        release_choices(held, seats)
        TableSeat.objects.filter(registration=registration).delete()
        _notify(fill_from_waiting_lists(seats, now))


def _notify(promoted: Sequence[Choice]) -> None:
    for choice in promoted:
        AuditEntry.record(
            edition_id=choice.registration.edition_id,
            registration_id=choice.registration_id,
            actor=SYSTEM,
            action=AuditAction.PROMOTED,
            details={"session": choice.session_id},
        )
        emails.send_promotion(choice.pk)


# The table plan.


def guests(edition: Edition) -> list[Registration]:
    """Who has a seat at the dinner: with a limited dinner, the confirmed seats; otherwise
    everyone active who said yes."""
    registrations = Registration.objects.filter(edition=edition, status=Status.ACTIVE)
    session = dinner_session(edition.pk)
    if session is not None:
        registrations = registrations.filter(
            choices__session=session, choices__status=ChoiceStatus.CONFIRMED
        )
    else:
        registrations = registrations.filter(dinner=True)
    return list(registrations.order_by("organisation", "name", "id"))


@transaction.atomic(durable=True)
def set_tables(*, edition: Edition, sizes: Iterable[int], actor: Actor) -> list[DinnerTable]:
    """The tables, numbered 1, 2, … with these sizes; placements at tables that go are undone."""
    sizes = list(sizes)
    if any(size < 1 or size > 100 for size in sizes):
        raise DinnerError("Et bord har mellem 1 og 100 pladser.")
    existing = {table.number: table for table in DinnerTable.objects.filter(edition=edition)}
    kept = []
    for number, size in enumerate(sizes, start=1):
        table = existing.pop(number, None)
        if table is None:
            table = DinnerTable.objects.create(edition=edition, number=number, seats=size)
        elif table.seats != size:
            table.seats = size
            table.save(update_fields=["seats"])
        kept.append(table)
    DinnerTable.objects.filter(pk__in=[t.pk for t in existing.values()]).delete()
    AuditEntry.record(
        edition_id=edition.pk,
        actor=actor,
        action=AuditAction.DINNER_TABLES,
        details={"tables": sizes},
    )
    return kept


@transaction.atomic(durable=True)
def place_guest(*, registration: Registration, table: DinnerTable | None, actor: Actor) -> None:
    """An organiser seats a guest at a table (None: takes them off the plan)."""
    if table is None:
        TableSeat.objects.filter(registration=registration).delete()
        return
    if table.edition_id != registration.edition_id:
        raise DinnerError("Bordet hører til en anden udgave.")
    DinnerTable.objects.select_for_update().get(pk=table.pk)  # one placement at a time
    taken = TableSeat.objects.filter(table=table).exclude(registration=registration).count()
    if taken >= table.seats:
        raise DinnerError(f"Bord {table.number} er fuldt ({table.seats} pladser).")
    TableSeat.objects.update_or_create(
        registration=registration, defaults={"table": table, "by_hand": True}
    )
    AuditEntry.record(
        edition_id=registration.edition_id,
        registration_id=registration.pk,
        actor=actor,
        action=AuditAction.DINNER_TABLES,
        details={"table": table.number},
    )


@transaction.atomic(durable=True)
def seat_by_organisation(*, edition: Edition, actor: Actor) -> int:
    """Seats everyone with a dinner seat: hand placements kept, the rest by organisation
    (`domain.table_plan`). Returns how many were seated by the system."""
    tables = list(DinnerTable.objects.select_for_update().filter(edition=edition))
    if not tables:
        raise DinnerError("Opret bordene først.")
    coming = guests(edition)
    coming_ids = {guest.pk for guest in coming}
    # Someone who gave up their seat (or cancelled) leaves the plan.
    TableSeat.objects.filter(table__edition=edition).exclude(
        registration_id__in=coming_ids
    ).delete()
    numbers = {table.number: table for table in tables}
    by_hand = {
        seat.registration_id: seat.table.number
        for seat in TableSeat.objects.filter(table__edition=edition, by_hand=True).select_related(
            "table"
        )
    }
    try:
        plan = table_plan.seat_by_organisation(
            [table_plan.Guest(guest.pk, guest.organisation) for guest in coming],
            [table_plan.Table(table.number, table.seats) for table in tables],
            placed=by_hand,
        )
    except ValueError:  # tables made smaller than the guests placed at them by hand
        raise DinnerError(
            "Et bord har flere gæster placeret i hånden, end det har pladser. Ret placeringerne."
        ) from None
    except table_plan.TablesTooSmall as error:
        raise DinnerError(
            f"Der er {error.guests} gæster uden plads og kun {error.seats} ledige pladser ved "
            "bordene. Tilføj borde eller flere pladser."
        ) from None
    TableSeat.objects.filter(table__edition=edition, by_hand=False).delete()
    TableSeat.objects.bulk_create(
        [
            TableSeat(table=numbers[number], registration_id=key, by_hand=False)
            for key, number in plan.items()
            if key not in by_hand
        ]
    )
    AuditEntry.record(
        edition_id=edition.pk,
        actor=actor,
        action=AuditAction.DINNER_TABLES,
        details={"seated": len(plan) - len(by_hand)},
    )
    return len(plan) - len(by_hand)


def table_numbers(registration_ids: Iterable[int]) -> dict[int, int]:
    """{registration id: table number} for the badges (one query)."""
    return dict(
        TableSeat.objects.filter(registration_id__in=list(registration_ids)).values_list(
            "registration_id", "table__number"
        )
    )
