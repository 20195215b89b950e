"""The rules of registering: the window, choices per breakout slot, and the cancellation fee.

Plain values in, plain answers or our own exceptions out; the service layer fetches the data
and the public pages turn the exceptions into Danish messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
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
