"""The edition's overall capacity ("Pladser i alt"): how many active participants it admits.

Plain values in, plain answers or our own exception out. The service keeps a counter of the
places taken and asks these rules; the database's conditional UPDATE applies the same rule
atomically (`registration.places`), so the two never disagree.

What takes a place (decided in `registration.services`): every active registration made
through the public form, a group booking (each member) or by staff at the door. Stand staff
named by their exhibitor do not: they are on the stand, not in the hall's seats. Walk-ins
registered at the door by staff may go over the capacity (the person is standing there); the
desk is told so.
"""

from __future__ import annotations

from forsamling.domain.registration_rules import RegistrationError


class EditionFull(RegistrationError):
    """The edition has no places left for this registration (or group)."""

    def __init__(self, *, wanted: int, left: int) -> None:
        super().__init__(f"{wanted} place(s) wanted, {left} left")
        self.wanted = wanted
        self.left = left


def places_left(*, taken: int, capacity: int | None) -> int | None:
    """Free places, never below zero; None when the edition has no overall limit."""
    if capacity is None:
        return None
    return max(capacity - taken, 0)


def may_admit(*, taken: int, capacity: int | None, wanted: int = 1) -> bool:
    """May `wanted` more participants be admitted? Always without a capacity; a group is
    admitted whole or not at all."""
    if wanted < 0:
        raise ValueError("wanted must not be negative")
    return capacity is None or taken + wanted <= capacity


def is_full(*, taken: int, capacity: int | None) -> bool:
    """No place left for one more participant."""
    return not may_admit(taken=taken, capacity=capacity, wanted=1)


def check_room(*, taken: int, capacity: int | None, wanted: int = 1) -> None:
    """Raises `EditionFull` unless `wanted` more may be admitted."""
    if not may_admit(taken=taken, capacity=capacity, wanted=wanted):
        raise EditionFull(wanted=wanted, left=places_left(taken=taken, capacity=capacity) or 0)
