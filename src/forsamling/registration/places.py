"""The edition's places (`Edition.capacity`, "Pladser i alt"): taken, freed and counted here.

Like the sessions' seats (`seats.py`), the places taken are a counter row, `EditionPlaces`,
but it is taken with one conditional UPDATE rather than a lock and a read: the database adds
the places only if they fit under the capacity, which the statement reads itself (so a
capacity lowered a moment ago counts at once). Concurrent registrations queue on the row
and each sees the count the one before it committed, so the capacity is never overrun.

It is the last statement of a registration's transaction: the one row every registration of
the edition updates is then held only until the commit, and no transaction that holds it
waits for any other lock (no deadlocks with the session counters, which are taken before it).

Without a capacity nothing here runs a query: the rush pays nothing for a rule it does not
have. The counter is therefore only kept while a capacity is set; setting one (the edition's
admin page) counts it afresh from the registrations (`recount`), and a missing row is made
from that count when first needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction

from forsamling.conferences.models import Edition
from forsamling.domain.registration_rules import EditionFull, is_full, seats_left
from forsamling.registration.models import EditionPlaces, Registration, Status


def take(edition: Edition, wanted: int = 1, *, may_exceed: bool = False) -> bool:
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
            return take(edition, wanted, may_exceed=may_exceed)
        # The count already holds this transaction's own registrations.
        if taken <= capacity:
            return False
        if may_exceed:
            return True
        raise EditionFull(wanted=wanted, left=max(capacity - (taken - wanted), 0))
    if may_exceed:
        _add(edition.pk, wanted)
        return True
    raise EditionFull(wanted=wanted, left=seats_left(capacity, taken) or 0)


def release(registration: Registration) -> None:
    """Frees a cancelled registration's place, if it held one. One statement, whatever the
    capacity is now (a counter kept while no capacity was set is counted again when one is)."""
    if not registration.takes_place:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_TABLE} SET taken = taken - 1 WHERE edition_id = %s AND taken > 0",
            [registration.edition_id],
        )


def recount(edition: Edition) -> int:
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
        return seats_left(self.capacity, self.taken) or 0

    @property
    def is_full(self) -> bool:
        return is_full(self.capacity, self.taken)


def places(edition: Edition) -> Places | None:
    """Places taken and the capacity, or None (and no query) without a capacity."""
    if edition.capacity is None:
        return None
    taken = EditionPlaces.objects.filter(edition=edition).values_list("taken", flat=True).first()
    if taken is None:
        taken = _counted(edition.pk)
    return Places(taken=taken, capacity=edition.capacity)


# Hand-written SQL, the same on SQLite and PostgreSQL, as in seats.py: it runs in every
# registration of an edition with a capacity.
_TABLE = connection.ops.quote_name(EditionPlaces._meta.db_table)
_EDITIONS = connection.ops.quote_name(Edition._meta.db_table)
_REGISTRATIONS = connection.ops.quote_name(Registration._meta.db_table)


def _add_if_room(edition_id: int, wanted: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_TABLE} SET taken = taken + %s WHERE edition_id = %s"
            f" AND taken + %s <= (SELECT capacity FROM {_EDITIONS} WHERE id = %s)",
            [wanted, edition_id, wanted, edition_id],
        )
        return cursor.rowcount == 1


def _add(edition_id: int, wanted: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_TABLE} SET taken = taken + %s WHERE edition_id = %s", [wanted, edition_id]
        )


def _state(edition_id: int) -> tuple[int | None, int | None]:
    """(places taken or None without a counter row, the capacity now)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT p.taken, e.capacity FROM {_EDITIONS} e"
            f" LEFT JOIN {_TABLE} p ON p.edition_id = e.id WHERE e.id = %s",
            [edition_id],
        )
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (None, None)


def _create_counted(edition_id: int) -> int | None:
    """The counter row made from the registrations this transaction sees (its own included);
    None if another transaction made it first."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_TABLE} (edition_id, taken)"
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
