from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from forsamling.domain.registration_rules import (
    ChoicesOverlap,
    RegistrationClosed,
    RegistrationNotOpen,
    TimeRange,
    TwoChoicesInSlot,
    cancellation_fee,
    check_no_overlap,
    check_one_per_slot,
    check_window,
    needs_invitation,
)

OPENS = datetime(2026, 2, 25, 9, 0, tzinfo=UTC)  # kl. 10.00 in Copenhagen
CLOSES = datetime(2026, 4, 10, 10, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def test_registration_is_refused_one_second_before_the_opening_moment():
    with pytest.raises(RegistrationNotOpen):
        check_window(OPENS - SECOND, OPENS, CLOSES)


def test_registration_is_open_at_the_exact_opening_moment():
    check_window(OPENS, OPENS, CLOSES)


def test_registration_is_refused_at_and_after_the_closing_moment():
    check_window(CLOSES - SECOND, OPENS, CLOSES)
    with pytest.raises(RegistrationClosed):
        check_window(CLOSES, OPENS, CLOSES)


def test_registration_without_an_opening_moment_is_not_open():
    with pytest.raises(RegistrationNotOpen):
        check_window(OPENS, None, None)


def test_registration_without_a_closing_moment_stays_open():
    check_window(OPENS + timedelta(days=365), OPENS, None)


def test_one_choice_per_breakout_slot():
    check_one_per_slot([(1, 10), (2, 20)])
    with pytest.raises(TwoChoicesInSlot) as error:
        check_one_per_slot([(1, 10), (2, 20), (1, 11)])
    assert error.value.slot == 1


def at(hour, minute=0):
    return datetime(2026, 5, 7, hour, minute, tzinfo=UTC)


def test_slots_that_follow_each_other_do_not_overlap():
    check_no_overlap({1: TimeRange(at(13), at(14)), 2: TimeRange(at(14), at(15))})


def test_overlapping_slots_are_refused_whatever_their_order():
    with pytest.raises(ChoicesOverlap) as error:
        check_no_overlap(
            {
                3: TimeRange(at(16), at(17)),
                1: TimeRange(at(13), at(15)),
                2: TimeRange(at(14, 30), at(16)),
            }
        )
    assert error.value.slots == (1, 2)


def test_a_slot_inside_another_overlaps_it():
    with pytest.raises(ChoicesOverlap):
        check_no_overlap({1: TimeRange(at(13), at(17)), 2: TimeRange(at(15), at(16))})


def test_cancelling_up_to_and_at_the_deadline_is_free():
    deadline = datetime(2026, 4, 1, 10, 0, tzinfo=UTC)
    assert cancellation_fee(Decimal("3995"), deadline - SECOND, deadline) == 0
    assert cancellation_fee(Decimal("3995"), deadline, deadline) == 0


def test_cancelling_after_the_deadline_costs_the_full_price():
    deadline = datetime(2026, 4, 1, 10, 0, tzinfo=UTC)
    assert cancellation_fee(Decimal("3995"), deadline + SECOND, deadline) == Decimal("3995")


def test_without_a_deadline_cancelling_is_always_free():
    assert cancellation_fee(Decimal("3995"), CLOSES, None) == 0


@pytest.mark.parametrize(
    ("price", "invitation_only", "needed"),
    [
        (Decimal("0"), False, True),  # free: always by invitation (issue 28)
        (Decimal("0.00"), True, True),
        (Decimal("0.01"), False, False),
        (Decimal("3995"), False, False),
        (Decimal("1900"), True, True),  # marked by the organisers
    ],
)
def test_a_free_or_marked_category_needs_an_invitation(price, invitation_only, needed):
    assert needs_invitation(price, invitation_only) is needed
