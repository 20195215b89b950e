"""The edition's phases, as the front page shows them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from forsamling.domain.danish import COPENHAGEN
from forsamling.domain.edition_life import Phase, phase

OPENS = datetime(2026, 2, 25, 10, 0, tzinfo=COPENHAGEN)
CLOSES = datetime(2026, 4, 23, 12, 0, tzinfo=COPENHAGEN)
END = date(2026, 5, 8)


def at(now: datetime, opens: datetime | None = OPENS) -> Phase:
    return phase(now=now, today=now.date(), opens_at=opens, closes_at=CLOSES, end_date=END)


def test_before_the_opening_a_countdown_then_open_then_closed_then_over():
    assert at(OPENS - timedelta(seconds=1)) is Phase.BEFORE_OPENING
    assert at(OPENS) is Phase.OPEN
    assert at(CLOSES - timedelta(seconds=1)) is Phase.OPEN
    assert at(CLOSES) is Phase.CLOSED
    assert at(datetime(2026, 5, 8, 16, 0, tzinfo=COPENHAGEN)) is Phase.CLOSED  # the last day
    assert at(datetime(2026, 5, 9, 0, 0, tzinfo=COPENHAGEN)) is Phase.OVER


def test_without_an_opening_moment_the_edition_is_only_announced():
    assert at(OPENS, opens=None) is Phase.ANNOUNCED
    assert at(datetime(2026, 6, 1, tzinfo=COPENHAGEN), opens=None) is Phase.OVER


def test_while_open_a_full_edition_is_full_and_before_or_after_it_is_not():
    def full_at(now: datetime) -> Phase:
        return phase(
            now=now, today=now.date(), opens_at=OPENS, closes_at=CLOSES, end_date=END, full=True
        )

    assert full_at(OPENS) is Phase.FULL
    assert full_at(OPENS - timedelta(seconds=1)) is Phase.BEFORE_OPENING
    assert full_at(CLOSES) is Phase.CLOSED
    assert full_at(datetime(2026, 5, 9, 0, 0, tzinfo=COPENHAGEN)) is Phase.OVER
