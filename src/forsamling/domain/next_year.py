"""Next year's dates: the same weekdays, in the same week of the year.

Moving every date of an edition by one whole number of weeks keeps the conference's weekdays
(Thursday–Friday stays Thursday–Friday). Always 52 weeks would be a day or two short of a year,
so copied every year the conference would creep a week earlier within four years; keeping the
ISO week number (week 20's Thursday becomes next year's week 20's Thursday) takes 53 weeks when
that is needed, and never drifts.
"""

from __future__ import annotations

from datetime import date, timedelta


def same_date_next_year(day: date) -> date:
    """The same calendar date a year on (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def year_on_shift(start: date) -> timedelta:
    """The whole number of weeks (52 or 53) that moves `start` to the same weekday of the same
    ISO week a year on (week 53 becomes week 52 in a year that has none)."""
    year, week, weekday = start.isocalendar()
    weeks_next_year = date(year + 1, 12, 28).isocalendar()[1]
    return date.fromisocalendar(year + 1, min(week, weeks_next_year), weekday) - start
