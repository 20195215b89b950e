from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.next_year import same_date_next_year, year_on_shift

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2200, 12, 31))


@given(days)
def test_the_shift_is_whole_weeks_about_a_year(day: date) -> None:
    shift = year_on_shift(day)
    assert shift in (timedelta(weeks=52), timedelta(weeks=53))
    assert (day + shift).weekday() == day.weekday()


@given(days)
def test_the_shift_lands_within_a_week_of_the_date_a_year_on(day: date) -> None:
    assert abs((day + year_on_shift(day)) - same_date_next_year(day)) <= timedelta(days=7)


@given(days, st.integers(min_value=2, max_value=30))
def test_copied_year_after_year_the_date_does_not_creep(day: date, years: int) -> None:
    moved = day
    for _ in range(years):
        moved += year_on_shift(moved)
    anniversary = date(day.year + years, day.month, min(day.day, 28))
    assert abs(moved - anniversary) <= timedelta(days=10)


def test_a_thursday_in_may_stays_a_thursday_in_may() -> None:
    # Week 19 and week 21 of both years.
    assert date(2023, 5, 11) + year_on_shift(date(2023, 5, 11)) == date(2024, 5, 9)
    assert date(2026, 5, 21) + year_on_shift(date(2026, 5, 21)) == date(2027, 5, 27)
    assert same_date_next_year(date(2028, 2, 29)) == date(2029, 2, 28)
