"""Seats and waiting lists, and the edition's places: the one module that counts, takes and
frees them (the places are at the end).

Pretix's recipe: the seat counters of the sessions involved are locked late (after every
other check), once (all of them in one query) and in id order (so two transactions never
wait on each other crosswise), and only then is capacity checked, by the domain's rule
(`domain.registration_rules`) on the counts read under the lock: the UPDATE that takes the
seats then needs no condition of its own. On SQLite the IMMEDIATE
transaction mode already serialises writers, and `select_for_update` is a no-op.
Choices to a session are only created, promoted or deleted while its counter row is locked,
so the waiting list's order (created_at, id) is the order in which people got the lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.db import connection, transaction

from forsamling.conferences.models import Edition
from forsamling.domain import registration_rules as rule
from forsamling.domain.preference_rounds import ALLOCATING
from forsamling.programme.models import Item, Session
from forsamling.registration.models import (
    Choice,
    ChoiceStatus,
    EditionPlaces,
    Registration,
    SessionSeats,
    Status,
)


@dataclass
class Counter:
    """A session's seat counter as read under its lock, with what the seat rules need."""

    pk: int
    session_id: int
    taken: int
    capacity: int | None  # None: no limit
    cancelled: bool  # the session, read under the lock
    allocating: bool  # a preference round is allocating the session's slot

    @property
    def has_room(self) -> bool:
        return rule.has_room(self.capacity, self.taken)


def lock_seats(session_ids: Iterable[int]) -> dict[int, Counter]:
    """The sessions' counters, locked in session id order, with their sessions read after.

    Two statements. The first locks the counter rows. The second, a new statement, reads each
    session's capacity and cancellation and whether a preference round allocates its slot: in
    PostgreSQL's READ COMMITTED a statement sees what was committed when it began, so a read
    joined to the lock would show what stood before any wait for the lock. Whoever changes
    those (`SessionAdmin.save_model`: seats, cancellation, slot; `create_round`) locks the
    counters first, so what is read here is what holds until the commit.

    Every session gets its counter row when it is made (`add_counters`). A missing one (a
    session loaded without signals) is made here, after the rows found were locked.
    """
    ids = sorted(set(session_ids))
    if not ids:
        return {}
    taken = _lock(ids)
    if missing := [session_id for session_id in ids if session_id not in taken]:
        SessionSeats.objects.bulk_create(
            [SessionSeats(session_id=session_id) for session_id in missing], ignore_conflicts=True
        )
        taken = _lock(ids)
    sessions = _sessions(ids)
    gone = (0, True, False)  # a session deleted meanwhile: no seats, as if cancelled
    return {
        session_id: Counter(pk, session_id, count, *sessions.get(session_id, gone))
        for session_id, (pk, count) in taken.items()
    }


def add_counters(session_ids: Iterable[int]) -> None:
    """New sessions' counter rows, so the first registrations at 10.00 only lock rows and never
    insert them side by side. Whatever creates sessions calls this in the same transaction:
    the admin's session page, copying an edition, the demo's loader. (`lock_seats` still makes
    a missing counter, at the cost of an insert in the rush; `loaddata` brings its own.)"""
    SessionSeats.objects.bulk_create(
        [SessionSeats(session_id=pk) for pk in session_ids], ignore_conflicts=True
    )


# Hand-written SQL (the same on SQLite, where writers are serialised anyway and there is no
# FOR UPDATE, and PostgreSQL): it runs in every registration while the rush is on, and Django's
# compiler took longer to build it than PostgreSQL to answer it.


def _lock(ids: list[int]) -> dict[int, tuple[int, int]]:
    """{session id: (counter id, seats taken)}, the counter rows locked in session id order."""
    with connection.cursor() as cursor:
        cursor.execute(_lock_sql(len(ids)), ids)
        return {session_id: (pk, taken) for pk, session_id, taken in cursor.fetchall()}


def _sessions(ids: list[int]) -> dict[int, tuple[int | None, bool, bool]]:
    """{session id: (capacity, cancelled, allocating)}."""
    with connection.cursor() as cursor:
        cursor.execute(_sessions_sql(len(ids)), [*sorted(ALLOCATING), *ids])
        return {
            pk: (capacity, bool(cancelled), bool(allocating))
            for pk, capacity, cancelled, allocating in cursor.fetchall()
        }


@cache
def _lock_sql(count: int) -> str:
    table = connection.ops.quote_name(SessionSeats._meta.db_table)
    sql = (
        f"SELECT id, session_id, taken FROM {table}"
        f" WHERE session_id IN ({', '.join(['%s'] * count)}) ORDER BY session_id"
    )
    return sql + " FOR UPDATE" if connection.features.has_select_for_update else sql


@cache
def _sessions_sql(count: int) -> str:
    quote = connection.ops.quote_name
    rounds = Item._meta.get_field("preference_rounds")  # PreferenceRound.slots, seen from Item
    through = rounds.through._meta  # type: ignore[union-attr]
    to_round = quote(rounds.field.m2m_column_name())
    to_item = quote(rounds.field.m2m_reverse_name())
    return (
        "SELECT se.id, se.capacity, se.is_cancelled,"
        f" EXISTS (SELECT 1 FROM {quote(through.db_table)} rs"
        f" JOIN {quote(rounds.related_model._meta.db_table)} r ON r.id = rs.{to_round}"
        f" WHERE rs.{to_item} = se.slot_id AND r.status IN ({', '.join(['%s'] * len(ALLOCATING))}))"
        f" FROM {quote(Session._meta.db_table)} se"
        f" WHERE se.id IN ({', '.join(['%s'] * count)})"
    )


def take_seats(
    registration: Registration,
    sessions: Iterable[Session],
    seats: dict[int, Counter],
    now: datetime,
) -> list[Choice]:
    """A choice per session: a seat while there is room, else the end of the waiting list.

    One INSERT for all the choices and one UPDATE for the counters that changed (a place on a
    waiting list changes none): the counters stay locked for as few round trips as can be.
    """
    choices = []
    taken = []
    for session in sessions:
        row = seats[session.pk]
        status = ChoiceStatus(rule.placement(row.capacity, row.taken))
        confirmed_at = now if status == ChoiceStatus.CONFIRMED else None
        if status == ChoiceStatus.CONFIRMED:
            row.taken += 1
            taken.append(row.pk)
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
    if taken:  # one seat each: a registration chooses a session at most once
        sql = (
            f"UPDATE {connection.ops.quote_name(SessionSeats._meta.db_table)}"
            f" SET taken = taken + 1 WHERE id IN ({', '.join(['%s'] * len(taken))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, taken)
    return choices


def release_choices(choices: Iterable[Choice], seats: dict[int, Counter]) -> None:
    """Deletes the choices and frees the seats the confirmed ones held (counters locked)."""
    changed = []
    for choice in choices:
        if choice.status == ChoiceStatus.CONFIRMED:
            seats[choice.session_id].taken -= 1
            changed.append(seats[choice.session_id])
        choice.delete()
    _save(changed)


def fill_from_waiting_lists(seats: dict[int, Counter], now: datetime) -> list[Choice]:
    """Gives free seats to the first in line, at once; returns the promoted choices."""
    promoted = []
    changed = []
    for row in seats.values():
        while row.has_room:
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
            first.save(update_fields=["status", "confirmed_at", "updated_at"])
            row.taken += 1
            promoted.append(first)
            changed.append(row)
    _save(changed)
    return promoted


def _save(rows: Iterable[Counter]) -> None:
    for row in {row.pk: row for row in rows}.values():
        SessionSeats.objects.filter(pk=row.pk).update(taken=row.taken)


def waiting_position(choice: Choice) -> int | None:
    """1 for the first in line; None for a confirmed choice."""
    return places_in_line([choice]).get(choice.pk)


def places_in_line(choices: Iterable[Choice]) -> dict[int, int]:
    """The places in line of several waiting choices in one query: {choice id: position}.

    Hand-written SQL (the same on SQLite and PostgreSQL): every confirmation page asks it,
    and Django's compiler would take longer to build the query than the database to answer.
    """
    ids = [choice.pk for choice in choices if choice.status == ChoiceStatus.WAITING]
    if not ids:
        return {}
    table = connection.ops.quote_name(Choice._meta.db_table)
    marks = ", ".join(["%s"] * len(ids))
    sql = f"SELECT c.id, {PLACE_IN_LINE} FROM {table} c WHERE c.id IN ({marks})"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*PLACE_IN_LINE_PARAMS, *ids])
        return dict(cursor.fetchall())


# A waiting choice `c`'s place in line as an SQL expression (NULL for a confirmed one), and
# its parameters; `waiting_position` for one choice.
PLACE_IN_LINE = (
    "CASE WHEN c.status = %s THEN 1 + (SELECT COUNT(*)"
    f" FROM {connection.ops.quote_name(Choice._meta.db_table)} w"
    " WHERE w.session_id = c.session_id AND w.status = %s"
    " AND (w.created_at < c.created_at OR (w.created_at = c.created_at AND w.id < c.id))) END"
)
PLACE_IN_LINE_PARAMS = [ChoiceStatus.WAITING.value, ChoiceStatus.WAITING.value]


# The edition's places (`Edition.capacity`, "Pladser i alt"): taken, freed and counted here.
# Like the sessions' seats, the places taken are a counter row, `EditionPlaces`, but it is
# taken with one conditional UPDATE rather than a lock and a read: the database adds the places
# only if they fit under the capacity, which the statement reads itself (so a capacity lowered
# a moment ago counts at once). Concurrent registrations queue on the row
# and each sees the count the one before it committed, so the capacity is never overrun.
#
# It is the last statement of a registration's transaction: the one row every registration of
# the edition updates is then held only until the commit, and no transaction that holds it
# waits for any other lock (no deadlocks with the session counters, which are taken before it).
#
# Without a capacity nothing here runs a query: the rush pays nothing for a rule it does not
# have. The counter is therefore only kept while a capacity is set; setting one (the edition's
# admin page) counts it afresh from the registrations (`recount_places`), and a missing row is
# made from that count when first needed.


def take_places(edition: Edition, wanted: int = 1, *, may_exceed: bool = False) -> bool:
    """Takes `wanted` places, in the registration's transaction, after its rows are written.

    Raises `EditionFull` if they do not fit (the caller's transaction is then rolled back).
    `may_exceed`: staff at the door register a walk-in even so; the answer is True when the
    edition is now over its capacity, so they can be told. No query without a capacity.
    """
    if edition.capacity is None or wanted <= 0:
        return False
    if _add_if_room(edition.pk, wanted):
        return False
    taken, capacity = _state(edition.pk)
    if capacity is None:  # the capacity was removed meanwhile: nothing to keep count of
        return False
    if taken is None:  # the first registration since the capacity was set outside the admin
        taken = _create_counted(edition.pk)
        if taken is None:  # made by another registration just now: try again with it
            return take_places(edition, wanted, may_exceed=may_exceed)
        # The count already holds this transaction's own registrations.
        if taken <= capacity:
            return False
        if may_exceed:
            return True
        raise rule.EditionFull(wanted=wanted, left=max(capacity - (taken - wanted), 0))
    if may_exceed:
        _add(edition.pk, wanted)
        return True
    raise rule.EditionFull(wanted=wanted, left=rule.seats_left(capacity, taken) or 0)


def release_place(registration: Registration) -> None:
    """Frees a cancelled registration's place, if it held one. One statement, whatever the
    capacity is now (a counter kept while no capacity was set is counted again when one is)."""
    if not registration.takes_place:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_PLACES} SET taken = taken - 1 WHERE edition_id = %s AND taken > 0",
            [registration.edition_id],
        )


def recount_places(edition: Edition) -> int:
    """Sets the counter to the active registrations that take a place, under the row's lock
    (a registration taking a place meanwhile waits and then counts on top). For when a
    capacity is set or changed; returns the count.

    Not durable: it runs inside the caller's transaction (the admin saves the edition's new
    capacity and recounts in one)."""
    with transaction.atomic():
        EditionPlaces.objects.bulk_create([EditionPlaces(edition=edition)], ignore_conflicts=True)
        row = EditionPlaces.objects.select_for_update().get(edition=edition)
        row.taken = _counted(edition.pk)
        row.save(update_fields=["taken"])
    return row.taken


@dataclass(frozen=True)
class Places:
    """The edition's places as the pages show them."""

    taken: int
    capacity: int

    @property
    def left(self) -> int:
        return rule.seats_left(self.capacity, self.taken) or 0

    @property
    def is_full(self) -> bool:
        return rule.is_full(self.capacity, self.taken)


def edition_places(edition: Edition) -> Places | None:
    """Places taken and the capacity, or None (and no query) without a capacity."""
    if edition.capacity is None:
        return None
    taken = EditionPlaces.objects.filter(edition=edition).values_list("taken", flat=True).first()
    if taken is None:
        taken = _counted(edition.pk)
    return Places(taken=taken, capacity=edition.capacity)


# Hand-written SQL, the same on SQLite and PostgreSQL, as the seats': it runs in every
# registration of an edition with a capacity.
_PLACES = connection.ops.quote_name(EditionPlaces._meta.db_table)
_EDITIONS = connection.ops.quote_name(Edition._meta.db_table)
_REGISTRATIONS = connection.ops.quote_name(Registration._meta.db_table)


def _add_if_room(edition_id: int, wanted: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_PLACES} SET taken = taken + %s WHERE edition_id = %s"
            f" AND taken + %s <= (SELECT capacity FROM {_EDITIONS} WHERE id = %s)",
            [wanted, edition_id, wanted, edition_id],
        )
        return cursor.rowcount == 1


def _add(edition_id: int, wanted: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_PLACES} SET taken = taken + %s WHERE edition_id = %s", [wanted, edition_id]
        )


def _state(edition_id: int) -> tuple[int | None, int | None]:
    """(places taken or None without a counter row, the capacity now)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.taken, e.capacity FROM {_EDITIONS} e"
            f" LEFT JOIN {_PLACES} p ON p.edition_id = e.id WHERE e.id = %s",
            [edition_id],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (None, None)


def _create_counted(edition_id: int) -> int | None:
    """The counter row made from the registrations this transaction sees (its own included);
    None if another transaction made it first."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_PLACES} (edition_id, taken)"
            f" SELECT %s, COUNT(*) FROM {_REGISTRATIONS}"
            " WHERE edition_id = %s AND status = %s AND takes_place"
            " ON CONFLICT (edition_id) DO NOTHING RETURNING taken",
            [edition_id, edition_id, Status.ACTIVE.value],
        )
        row = cursor.fetchone()
    return None if row is None else row[0]


def _counted(edition_id: int) -> int:
    return Registration.objects.filter(
        edition_id=edition_id, status=Status.ACTIVE, takes_place=True
    ).count()
