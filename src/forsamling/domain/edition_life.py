"""Where an edition is in its year, for the front page: what a visitor can do now.

Plain Python (no Django): the moments are passed in.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum


class Phase(StrEnum):
    ANNOUNCED = "announced"  # no opening moment set yet
    BEFORE_OPENING = "before_opening"  # a countdown to the opening
    OPEN = "open"  # "Tilmeld dig"
    FULL = "full"  # open, but every place of the edition's capacity is taken
    CLOSED = "closed"  # registration over, the conference still to come or going on
    OVER = "over"  # after the last day: thanks, and the programme


def phase(
    *,
    now: datetime,
    today: date,
    opens_at: datetime | None,
    closes_at: datetime,
    end_date: date,
    full: bool = False,
) -> Phase:
    """The edition's phase at `now` (`today` is `now`'s date where the conference is).
    `full`: every place of the edition's overall capacity is taken (only matters while open)."""
    if today > end_date:
        return Phase.OVER
    if now >= closes_at:
        return Phase.CLOSED
    if opens_at is None:
        return Phase.ANNOUNCED
    if now < opens_at:
        return Phase.BEFORE_OPENING
    return Phase.FULL if full else Phase.OPEN
