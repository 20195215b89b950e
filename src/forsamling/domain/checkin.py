"""Check-in at the door: the errors a badge scan can run into."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CheckInError(Exception):
    """A badge that cannot be checked in."""


class UnknownBadge(CheckInError):
    """The code is not a genuine badge code for this edition."""


class NotRegistered(CheckInError):
    """The badge belongs to a registration that has been cancelled."""


class DoorWarning(StrEnum):
    """What door staff must be told about a scan. Shown online and offline alike."""

    UNKNOWN = "unknown"  # not a genuine badge code
    OTHER_EDITION = "other_edition"  # a genuine badge, from another year's conference
    CANCELLED = "cancelled"  # the registration was cancelled
    WAITING_ONLY = "waiting_only"  # on a waiting list without a seat in that break out
    NOT_REGISTERED = "not_registered"  # session door: no seat in this session
    WAITING = "waiting"  # session door: on this session's waiting list
    FULL = "full"  # session door: more people in than the session has seats


# Warnings that stop the person from being checked in at all.
REFUSING = frozenset({DoorWarning.UNKNOWN, DoorWarning.OTHER_EDITION, DoorWarning.CANCELLED})


@dataclass(frozen=True)
class Holder:
    """The facts about a badge's holder that the door decides on."""

    same_edition: bool
    active: bool
    seated: frozenset[int] = frozenset()  # sessions with a confirmed seat
    waiting: frozenset[int] = frozenset()  # sessions waited for
    waiting_without_seat: bool = False  # waits in a break out where they have no seat


def door_warnings(holder: Holder | None, *, session: int | None = None) -> list[DoorWarning]:
    """The warnings for a scan at the main door (`session` None) or at a session's door.

    Capacity (`FULL`) is decided after the entry is counted, by the caller.
    """
    if holder is None:
        return [DoorWarning.UNKNOWN]
    if not holder.same_edition:
        return [DoorWarning.OTHER_EDITION]
    if not holder.active:
        return [DoorWarning.CANCELLED]
    if session is None:
        return [DoorWarning.WAITING_ONLY] if holder.waiting_without_seat else []
    if session in holder.seated:
        return []
    if session in holder.waiting:
        return [DoorWarning.WAITING]
    return [DoorWarning.NOT_REGISTERED]


def refused(warnings: list[DoorWarning]) -> bool:
    return any(w in REFUSING for w in warnings)
