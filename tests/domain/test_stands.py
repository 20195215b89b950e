"""The exhibitors' hard rules, without a database: CVR, EAN, the booking window, stands, passes."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from forsamling.domain import stands as rules
from forsamling.domain.ean import gs1_check_digit
from forsamling.domain.stands import StandState, StandStatus

CPH = ZoneInfo("Europe/Copenhagen")
OPENS = datetime(2026, 1, 13, 0, 0, tzinfo=CPH)
FIRST_DAY = date(2026, 5, 7)


def free(number: str) -> StandState:
    return StandState(number=number, status=StandStatus.FREE)


def booked(number: str) -> StandState:
    return StandState(number=number, status=StandStatus.BOOKED)


def held(number: str) -> StandState:
    return StandState(number=number, status=StandStatus.HELD)


# CVR numbers


@pytest.mark.parametrize(
    "cvr", ["55133018", "24256790", "DK 55 13 30 18", "5513-3018", "dk55133018"]
)
def test_cvr_with_a_correct_modulus_11_sum_is_valid(cvr):
    """KL's own and Novo Nordisk's CVR numbers pass, however they are typed."""
    assert rules.is_valid_cvr(cvr)


@pytest.mark.parametrize(
    "cvr",
    [
        "55133019",
        "24256791",
        "1234567",
        "123456789",
        "",
        "abcdefgh",
        "05133018",
        "５５１３３０１８",
    ],
)
def test_cvr_with_a_wrong_check_or_length_is_invalid(cvr):
    """A wrong digit, a wrong length, letters, a leading 0 or non-ASCII digits are refused."""
    assert not rules.is_valid_cvr(cvr)


def test_validate_cvr_returns_eight_digits():
    """What is stored is the bare eight digits."""
    assert rules.validate_cvr("DK 55 13 30 18") == "55133018"


def test_validate_cvr_raises_invalid_cvr():
    with pytest.raises(rules.InvalidCVR):
        rules.validate_cvr("55133019")


# EAN numbers


@pytest.mark.parametrize("ean", ["5798009882806", "5790000000005", "5798 0098 8280 6"])
def test_ean_with_a_correct_gs1_check_digit_is_valid(ean):
    assert rules.validate_ean(ean) == ean.replace(" ", "")


@pytest.mark.parametrize(
    "ean", ["5798009882807", "579800988280", "57980098828060", "ABCDEFGHIJKLM"]
)
def test_ean_with_a_wrong_check_digit_or_length_raises_invalid_ean(ean):
    with pytest.raises(rules.InvalidEAN):
        rules.validate_ean(ean)


# The booking window


def test_booking_is_open_from_the_exhibitors_opening():
    """13 January 2026 at midnight, Copenhagen time, booking is open."""
    rules.check_booking_window(now=OPENS, opens_at=OPENS, closes_at=None, first_day=FIRST_DAY)


def test_booking_before_the_opening_raises_not_open_with_the_opening():
    with pytest.raises(rules.BookingNotOpen) as caught:
        rules.check_booking_window(
            now=OPENS - timedelta(seconds=1), opens_at=OPENS, closes_at=None, first_day=FIRST_DAY
        )
    assert caught.value.opens_at == OPENS


def test_booking_without_an_opening_is_not_open():
    with pytest.raises(rules.BookingNotOpen):
        rules.check_booking_window(now=OPENS, opens_at=None, closes_at=None, first_day=FIRST_DAY)


def test_booking_at_the_closing_raises_closed():
    closes = OPENS + timedelta(days=30)
    with pytest.raises(rules.BookingClosed):
        rules.check_booking_window(
            now=closes, opens_at=OPENS, closes_at=closes, first_day=FIRST_DAY
        )


def test_booking_without_a_closing_closes_when_the_conference_begins():
    """No closing set: the first day of the conference, at midnight in Copenhagen, ends it."""
    assert rules.booking_closes_at(None, FIRST_DAY) == datetime(2026, 5, 7, tzinfo=CPH)
    with pytest.raises(rules.BookingClosed):
        rules.check_booking_window(
            now=datetime(2026, 5, 7, 0, 0, tzinfo=CPH), opens_at=OPENS, closes_at=None,
            first_day=FIRST_DAY,
        )  # fmt: skip
    rules.check_booking_window(
        now=datetime(2026, 5, 6, 23, 59, tzinfo=CPH), opens_at=OPENS, closes_at=None,
        first_day=FIRST_DAY,
    )  # fmt: skip


# Stands


def test_free_stands_can_be_booked():
    rules.check_stands_bookable([free("A1"), free("A2")])


def test_booking_no_stands_raises_no_stands_chosen():
    with pytest.raises(rules.NoStandsChosen):
        rules.check_stands_bookable([])


def test_a_booked_or_held_stand_raises_stand_taken_naming_each():
    with pytest.raises(rules.StandTaken) as caught:
        rules.check_stands_bookable([free("A1"), booked("B2"), held("A3")])
    assert caught.value.numbers == ["A3", "B2"]


def test_a_booking_moves_from_a_booked_stand_to_a_free_one():
    rules.check_stand_movable(source=booked("A1"), target=free("A2"))


def test_moving_to_a_taken_stand_raises_stand_taken():
    with pytest.raises(rules.StandTaken):
        rules.check_stand_movable(source=booked("A1"), target=held("A2"))


def test_moving_from_a_stand_without_booking_raises_stand_not_booked():
    with pytest.raises(rules.StandNotBooked):
        rules.check_stand_movable(source=free("A1"), target=free("A2"))


def test_total_price_adds_the_stands_prices():
    assert rules.total_price([Decimal("12500"), Decimal("8500.50")]) == Decimal("21000.50")
    assert rules.total_price([]) == Decimal(0)


# Stand-staff passes


def test_staff_can_be_named_while_passes_are_left():
    rules.check_room_for_staff(included_passes=[2, 3], named=4)


def test_naming_more_staff_than_the_stands_include_raises_no_passes_left():
    with pytest.raises(rules.NoPassesLeft) as caught:
        rules.check_room_for_staff(included_passes=[2, 3], named=5)
    assert caught.value.allowed == 5


def test_an_exhibitor_without_stands_has_no_passes():
    with pytest.raises(rules.NoPassesLeft):
        rules.check_room_for_staff(included_passes=[], named=0)


# Marker positions


@pytest.mark.parametrize(("x", "y"), [(0, 0), (100, 100), (Decimal("12.5"), 40), (None, None)])
def test_positions_within_the_plan_are_valid(x, y):
    rules.validate_position(x, y)


@pytest.mark.parametrize(("x", "y"), [(-1, 10), (10, 100.01), (10, None), (None, 10)])
def test_positions_outside_the_plan_or_half_given_raise(x, y):
    with pytest.raises(rules.InvalidPosition):
        rules.validate_position(x, y)


# Properties: a check digit catches every single mistyped digit.


def _valid_cvrs() -> st.SearchStrategy[str]:
    prefixes = st.integers(min_value=1_000_000, max_value=9_999_999).map(str)
    return prefixes.map(_complete_cvr).filter(lambda cvr: cvr is not None)  # type: ignore[arg-type]


def _complete_cvr(prefix: str) -> str | None:
    """The CVR number with this prefix, if a check digit 0–9 makes the sum divisible by 11."""
    for digit in "0123456789":
        if rules.is_valid_cvr(prefix + digit):
            return prefix + digit
    return None


@given(_valid_cvrs(), st.integers(0, 7), st.integers(1, 9))
def test_changing_one_digit_of_a_valid_cvr_always_makes_it_invalid(cvr, position, shift):
    changed = cvr[:position] + str((int(cvr[position]) + shift) % 10) + cvr[position + 1 :]
    assert not rules.is_valid_cvr(changed)


@given(
    st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 12), st.integers(1, 9)
)
def test_changing_one_digit_of_a_valid_ean_always_makes_it_invalid(body, position, shift):
    assume(set(body) != {"0"})  # thirteen zeros are no GLN (see test_public_buyers)
    ean = body + str(gs1_check_digit(body))
    assert rules.validate_ean(ean) == ean
    changed = ean[:position] + str((int(ean[position]) + shift) % 10) + ean[position + 1 :]
    with pytest.raises(rules.InvalidEAN):
        rules.validate_ean(changed)
