"""The rules of registering: the window, who may attend which session, choices per breakout
slot, seats and places (the capacity rule), and the cancellation fee.

Plain values in, plain answers or our own exceptions out; the service layer fetches the data
and the public pages turn the exceptions into Danish messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any


class RegistrationError(Exception):
    """Base of the rules' errors."""


class RegistrationNotOpen(RegistrationError):
    """The registration has not opened yet (or has no opening moment at all)."""


class RegistrationClosed(RegistrationError):
    """The registration has closed."""


class TwoChoicesInSlot(RegistrationError):
    def __init__(self, slot: object) -> None:
        super().__init__(f"More than one choice in breakout slot {slot!r}")
        self.slot = slot


class ChoicesOverlap(RegistrationError):
    def __init__(self, first: object, second: object) -> None:
        super().__init__(f"Breakout slots {first!r} and {second!r} overlap")
        self.slots = (first, second)


def check_window(now: datetime, opens_at: datetime | None, closes_at: datetime | None) -> None:
    """Registration is open from `opens_at` (inclusive) until `closes_at` (exclusive)."""
    if opens_at is None or now < opens_at:
        raise RegistrationNotOpen()
    if closes_at is not None and now >= closes_at:
        raise RegistrationClosed()


def check_one_per_slot(choices: Iterable[tuple[object, object]]) -> None:
    """`choices` are (slot, session) pairs; a participant attends one session per slot."""
    seen: set[object] = set()
    for slot, _session in choices:
        if slot in seen:
            raise TwoChoicesInSlot(slot)
        seen.add(slot)


@dataclass(frozen=True)
class TimeRange:
    starts_at: datetime
    ends_at: datetime

    def overlaps(self, other: TimeRange) -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


def check_no_overlap(slot_times: Mapping[Any, TimeRange]) -> None:
    """The chosen slots' time ranges must not overlap (touching end to start is fine)."""
    ordered = sorted(slot_times.items(), key=lambda pair: pair[1].starts_at)
    for index, (first, first_range) in enumerate(ordered):
        for second, second_range in ordered[index + 1 :]:
            if first_range.overlaps(second_range):
                raise ChoicesOverlap(first, second)


def cancellation_fee(price: Decimal, cancelled_at: datetime, deadline: datetime | None) -> Decimal:
    """Free up to and including the deadline; after it, the full price stands."""
    if deadline is None or cancelled_at <= deadline:
        return Decimal("0")
    return price


class AlreadyRegistered(RegistrationError):
    """The e-mail address already has an active registration for the edition."""


class SessionUnavailable(RegistrationError):
    """The session is cancelled, or not a session of this edition's breakout slots."""

    def __init__(self, session: object) -> None:
        super().__init__(f"Session {session!r} cannot be chosen")
        self.session = session


class RegistrationCancelled(RegistrationError):
    """A cancelled registration cannot be changed."""


class RegistrationPaused(RegistrationError):
    """The organisers have paused new registrations for the edition."""


def check_not_paused(paused: bool) -> None:
    if paused:
        raise RegistrationPaused()


def needs_invitation(price: Decimal, invitation_only: bool) -> bool:
    """Whether a category can be chosen only with an invitation code: one the organisers
    marked so, and every free one (0 kr.), marked or not. A free place is given, never taken
    by whoever finds it on the form (issue 28)."""
    return invitation_only or price <= 0


# Who may attend which session: a participant category against a session's audience.
#
# Health council members are elected politicians (regional and municipal councillors), but a
# category says so explicitly with both flags rather than one implying the other, so an
# organiser can see and change it.

EVERYONE = "everyone"
POLITICIANS = "politicians"
NON_POLITICIANS = "non_politicians"
HEALTH_COUNCIL = "health_council"
AUDIENCES = (EVERYONE, POLITICIANS, NON_POLITICIANS, HEALTH_COUNCIL)


class NotEligible(ValueError):
    """The participant's category may not attend the session."""

    def __init__(self, audience: str) -> None:
        super().__init__(f"Category may not attend a session for {audience!r}")
        self.audience = audience


@dataclass(frozen=True)
class Attendee:
    """What eligibility needs to know about a participant's category."""

    is_politician: bool
    is_health_council: bool


def may_attend(attendee: Attendee, audience: str) -> bool:
    if audience == EVERYONE:
        return True
    if audience == POLITICIANS:
        return attendee.is_politician
    if audience == NON_POLITICIANS:
        return not attendee.is_politician
    if audience == HEALTH_COUNCIL:
        return attendee.is_health_council
    raise ValueError(f"Unknown audience {audience!r}")


def check_eligible(attendee: Attendee, audience: str) -> None:
    if not may_attend(attendee, audience):
        raise NotEligible(audience)


# The capacity rule, once: seats left, full or not, and whether a choice gets a seat or waits.
#
# The same rule holds for a session's seats and for the edition's places ("Pladser i alt"):
# `capacity` is the number, or None for no limit; `taken` is how many are held (by confirmed
# choices; by active registrations that take a place). Everything that shows or decides seats
# asks here: the seat counters under their lock (`registration.seats`), the form's "n pladser
# tilbage" and "Fuldt – venteliste" (`registration.queries`), the back office's overview, the
# preference round's allocation (`preferences.queries`), and the edition's place counter
# (`registration.seats.take_places`, whose conditional UPDATE applies `has_room` atomically).
#
# What takes one of the edition's places (decided in `registration.services`): every active
# registration made through the public form, a group booking (each member) or by staff at the
# door. Stand staff named by their exhibitor do not: they are on the stand, not in the hall's
# seats. Walk-ins registered at the door by staff may go over the capacity (the person is
# standing there); the desk is told so.


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
