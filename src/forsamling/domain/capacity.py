"""The capacity rule, once: seats left, full or not, and whether a choice gets a seat or waits.

The same rule holds for a session's seats and for the edition's places ("Pladser i alt"):
`capacity` is the number, or None for no limit; `taken` is how many are held (by confirmed
choices; by active registrations that take a place). Everything that shows or decides seats
asks here: the seat counters under their lock (`registration.seats`), the form's "n pladser
tilbage" and "Fuldt – venteliste" (`registration.queries`), the back office's overview, the
preference round's allocation (`preferences.queries`), and the edition's place counter
(`registration.places`, whose conditional UPDATE applies `has_room` atomically).

What takes one of the edition's places (decided in `registration.services`): every active
registration made through the public form, a group booking (each member) or by staff at the
door. Stand staff named by their exhibitor do not: they are on the stand, not in the hall's
seats. Walk-ins registered at the door by staff may go over the capacity (the person is
standing there); the desk is told so.
"""

from __future__ import annotations

from enum import StrEnum

from forsamling.domain.registration_rules import RegistrationError


class EditionFull(RegistrationError):
    """The edition has no places left for this registration (or group)."""

    def __init__(self, *, wanted: int, left: int) -> None:
        super().__init__(f"{wanted} place(s) wanted, {left} left")
        self.wanted = wanted
        self.left = left


class Placement(StrEnum):
    """What a new choice of a session gets; the values are `ChoiceStatus`'s."""

    CONFIRMED = "confirmed"
    WAITING = "waiting"


def has_room(capacity: int | None, taken: int, wanted: int = 1) -> bool:
    """`wanted` more seats are free: no limit, or they fit. A group is admitted whole or not
    at all."""
    if wanted < 0:
        raise ValueError("wanted must not be negative")
    return capacity is None or taken + wanted <= capacity


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


def check_room(capacity: int | None, taken: int, wanted: int = 1) -> None:
    """Raises `EditionFull` unless `wanted` more places are free."""
    if not has_room(capacity, taken, wanted):
        raise EditionFull(wanted=wanted, left=seats_left(capacity, taken) or 0)
