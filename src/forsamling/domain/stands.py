"""Exhibitors' hard rules: CVR and EAN numbers, the booking window, free stands, stand passes.

Plain Python with no Django: the services pass values in (times, statuses, counts) and turn
these exceptions into Danish messages at the edge.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum

from forsamling.domain.danish import COPENHAGEN
from forsamling.domain.ean import is_valid_gln, normalise_ean

CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


class StandError(Exception):
    """A stand booking or a change to one that the rules do not allow."""


class InvalidCVR(StandError, ValueError):
    """Not eight digits, or the modulus-11 check fails."""


class InvalidEAN(StandError, ValueError):
    """Not thirteen digits, or the GS1 check digit does not match."""


class BookingNotOpen(StandError):
    """Exhibitor booking has not opened yet (or no opening has been set)."""

    def __init__(self, opens_at: datetime | None) -> None:
        super().__init__(opens_at)
        self.opens_at = opens_at


class BookingClosed(StandError):
    """Exhibitor booking has closed."""


class NoStandsChosen(StandError):
    """A booking needs at least one stand."""


class StandTaken(StandError):
    """One or more of the stands is no longer free: someone else got there first."""

    def __init__(self, numbers: Iterable[str]) -> None:
        self.numbers = sorted(numbers)
        super().__init__(", ".join(self.numbers))


class StandNotBooked(StandError):
    """The stand has no booking to move."""


class NoPassesLeft(StandError):
    """The booking's stands include no more stand-staff passes."""

    def __init__(self, allowed: int) -> None:
        super().__init__(allowed)
        self.allowed = allowed


class TooManyStands(StandError):
    """An exhibitor may book at most the edition's number of stands."""

    def __init__(self, allowed: int) -> None:
        super().__init__(allowed)
        self.allowed = allowed


class StandLimitReached(TooManyStands):
    """The same company (CVR number) or contact e-mail already has stands: the limit counts
    across its bookings, not per booking."""

    def __init__(self, allowed: int, booked: int) -> None:
        super().__init__(allowed)
        self.booked = booked


class UnknownExtra(StandError):
    """An extra the edition does not offer."""


class TooManyOfExtra(StandError):
    def __init__(self, allowed: int) -> None:
        super().__init__(allowed)
        self.allowed = allowed


class InvalidPosition(StandError, ValueError):
    """A marker position on the floor plan outside 0–100 %."""


class StandStatus(StrEnum):
    FREE = "free"
    HELD = "held"
    BOOKED = "booked"


@dataclass(frozen=True)
class StandState:
    """What the rules need to know about a stand: its number and its status."""

    number: str
    status: StandStatus


def normalise_digits(value: str) -> str:
    """A number as typed, without spaces, dashes and a leading 'DK' (as CVR numbers often are)."""
    cleaned = "".join(value.split()).replace("-", "")
    if cleaned[:2].upper() == "DK":
        cleaned = cleaned[2:]
    return cleaned


def is_valid_cvr(value: str) -> bool:
    """Eight digits, not starting with 0, whose weighted sum (2765 4321) is divisible by 11."""
    number = normalise_digits(value)
    if len(number) != 8 or not number.isascii() or not number.isdigit() or number[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(number, CVR_WEIGHTS, strict=True)) % 11 == 0


def validate_cvr(value: str) -> str:
    """The CVR number as eight digits, or InvalidCVR."""
    if not is_valid_cvr(value):
        raise InvalidCVR(value)
    return normalise_digits(value)


def validate_ean(value: str) -> str:
    """The EAN (GLN) number as 13 digits with a correct GS1 mod-10 check digit, not all
    zeros, or InvalidEAN."""
    if not is_valid_gln(value):
        raise InvalidEAN(value)
    return normalise_ean(value)


def booking_closes_at(closes_at: datetime | None, first_day: date) -> datetime:
    """When booking closes: the set closing, or else the start of the conference's first day."""
    if closes_at is not None:
        return closes_at
    return datetime.combine(first_day, time(0, 0), tzinfo=COPENHAGEN)


def check_booking_window(
    *, now: datetime, opens_at: datetime | None, closes_at: datetime | None, first_day: date
) -> None:
    """Raises unless `now` lies within the exhibitors' booking window."""
    if opens_at is None or now < opens_at:
        raise BookingNotOpen(opens_at)
    if now >= booking_closes_at(closes_at, first_day):
        raise BookingClosed()


def check_stands_bookable(stands: Iterable[StandState]) -> None:
    """Raises NoStandsChosen for none, StandTaken naming every stand that is not free."""
    stands = list(stands)
    if not stands:
        raise NoStandsChosen()
    taken = [stand.number for stand in stands if stand.status != StandStatus.FREE]
    if taken:
        raise StandTaken(taken)


def check_stand_movable(*, source: StandState, target: StandState) -> None:
    """A booking moves only from a booked stand to a free one."""
    if source.status != StandStatus.BOOKED:
        raise StandNotBooked(source.number)
    if target.status != StandStatus.FREE:
        raise StandTaken([target.number])


def check_room_for_staff(*, included_passes: Iterable[int], named: int) -> None:
    """Raises NoPassesLeft when every pass the booked stands include already has a name."""
    allowed = sum(included_passes)
    if named >= allowed:
        raise NoPassesLeft(allowed)


def check_stand_count(*, chosen: int, allowed: int) -> None:
    """Raises TooManyStands when a booking asks for more stands than the edition allows."""
    if chosen > allowed:
        raise TooManyStands(allowed)


def check_stand_count_across_bookings(*, chosen: int, booked: int, allowed: int) -> None:
    """Raises StandLimitReached when the stands the same company or contact already has,
    with these, are more than the edition allows."""
    if booked and booked + chosen > allowed:
        raise StandLimitReached(allowed, booked)


def check_extra_quantity(*, quantity: int, allowed: int) -> None:
    """An exhibitor orders between none and the edition's maximum of an extra."""
    if not 0 <= quantity <= allowed:
        raise TooManyOfExtra(allowed)


def total_price(prices: Iterable[Decimal]) -> Decimal:
    return sum(prices, Decimal(0))


def validate_position(x: Decimal | float | None, y: Decimal | float | None) -> None:
    """A marker is placed by both coordinates or neither, each a percentage of the plan."""
    if (x is None) != (y is None):
        raise InvalidPosition("both or neither")
    for value in (x, y):
        if value is not None and not 0 <= value <= 100:
            raise InvalidPosition(value)
