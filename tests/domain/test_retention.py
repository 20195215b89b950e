"""Retention: which personal data goes when, and what a request for erasure does."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.retention import (
    DataCategory,
    ErasureEffect,
    RetentionPolicy,
    add_months,
    deletion_dates,
    due_categories,
    erasure_effect,
)

END = date(2026, 5, 8)


def test_default_dates_are_14_days_6_months_and_5_years_after_the_invoice_year():
    dates = deletion_dates(RetentionPolicy(), conference_end=END, invoice_year=2026)
    assert dates == {
        DataCategory.NEEDS: date(2026, 5, 22),
        DataCategory.PERSONAL: date(2026, 11, 8),
        DataCategory.INVOICE: date(2032, 1, 1),
    }


def test_organisers_set_their_own_periods():
    policy = RetentionPolicy(needs_days=1, personal_months=3, invoice_years=10)
    dates = deletion_dates(policy, conference_end=END, invoice_year=2026)
    assert dates[DataCategory.NEEDS] == date(2026, 5, 9)
    assert dates[DataCategory.PERSONAL] == date(2026, 8, 8)
    assert dates[DataCategory.INVOICE] == date(2037, 1, 1)


def test_needs_never_outlive_the_rest_of_the_personal_data():
    policy = RetentionPolicy(needs_days=400, personal_months=1)
    dates = deletion_dates(policy, conference_end=END, invoice_year=2026)
    assert dates[DataCategory.NEEDS] == dates[DataCategory.PERSONAL] == date(2026, 6, 8)


def test_negative_periods_are_refused():
    with pytest.raises(ValueError):
        RetentionPolicy(needs_days=-1)


def test_add_months_keeps_to_the_months_last_day():
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 15), 2) == date(2027, 1, 15)


def test_nothing_is_due_the_day_before_and_each_category_on_its_day():
    policy = RetentionPolicy()
    due = lambda today: due_categories(policy, conference_end=END, invoice_year=2026, today=today)  # noqa: E731
    assert due(date(2026, 5, 21)) == set()
    assert due(date(2026, 5, 22)) == {DataCategory.NEEDS}
    assert due(date(2026, 11, 8)) == {DataCategory.NEEDS, DataCategory.PERSONAL}
    assert due(date(2031, 12, 31)) == {DataCategory.NEEDS, DataCategory.PERSONAL}
    assert due(date(2032, 1, 1)) == set(DataCategory)


@given(
    end=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    needs=st.integers(0, 1000),
    months=st.integers(0, 120),
    years=st.integers(0, 10),
)
def test_dates_are_never_before_the_conference_and_needs_come_first(end, needs, months, years):
    policy = RetentionPolicy(needs_days=needs, personal_months=months, invoice_years=years)
    dates = deletion_dates(policy, conference_end=end, invoice_year=end.year)
    assert end <= dates[DataCategory.NEEDS] <= dates[DataCategory.PERSONAL]
    assert dates[DataCategory.INVOICE] > end
    assert dates[DataCategory.PERSONAL] >= end + timedelta(days=28 * months)


def test_erasure_before_the_conference_cancels():
    effect = erasure_effect(
        today=date(2026, 5, 6), conference_start=date(2026, 5, 7), is_active=True
    )
    assert effect == ErasureEffect.CANCEL


def test_erasure_from_the_first_day_anonymises_at_once():
    effect = erasure_effect(
        today=date(2026, 5, 7), conference_start=date(2026, 5, 7), is_active=True
    )
    assert effect == ErasureEffect.ANONYMISE


def test_erasure_of_a_cancelled_registration_anonymises_at_once():
    effect = erasure_effect(
        today=date(2026, 1, 1), conference_start=date(2026, 5, 7), is_active=False
    )
    assert effect == ErasureEffect.ANONYMISE
