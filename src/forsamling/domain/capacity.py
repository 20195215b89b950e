"""The capacity rule, once: seats left, full or not, and whether a choice gets a seat or waits.

A session's `capacity` is its number of seats, or None for no limit; `taken` is how many of
them confirmed choices hold. Everything that shows or decides seats asks here: the seat
counters under their lock (`registration.seats`), the form's "n pladser tilbage" and "Fuldt –
venteliste" (`registration.queries`), the back office's overview, and the preference round's
allocation (`preferences.queries`).
"""

from __future__ import annotations

from enum import StrEnum


class Placement(StrEnum):
    """What a new choice of a session gets; the values are `ChoiceStatus`'s."""

    CONFIRMED = "confirmed"
    WAITING = "waiting"


def has_room(capacity: int | None, taken: int) -> bool:
    """At least one seat is free: no limit, or fewer taken than there are seats."""
    return capacity is None or taken < capacity


def is_full(capacity: int | None, taken: int) -> bool:
    """No seat is free (never for a session without a limit); new choices wait."""
    return not has_room(capacity, taken)


def seats_left(capacity: int | None, taken: int) -> int | None:
    """Free seats (never below 0, even after an organiser lowered the capacity), or None when
    the session has no limit."""
    if capacity is None:
        return None
    return max(capacity - taken, 0)


def placement(capacity: int | None, taken: int) -> Placement:
    """A seat while there is room, else the end of the waiting list."""
    return Placement.CONFIRMED if has_room(capacity, taken) else Placement.WAITING


def room_to_allocate(capacity: int | None, taken: int, wanting: int) -> int:
    """The seats a preference round may give in a session: those left, or, with no limit,
    one for everyone who ranked the session's slot."""
    left = seats_left(capacity, taken)
    return wanting if left is None else left
