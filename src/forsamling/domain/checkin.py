"""Check-in at the door: the errors a badge scan can run into."""

from __future__ import annotations


class CheckInError(Exception):
    """A badge that cannot be checked in."""


class UnknownBadge(CheckInError):
    """The code is not a genuine badge code for this edition."""


class NotRegistered(CheckInError):
    """The badge belongs to a registration that has been cancelled."""
