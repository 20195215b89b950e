"""The capacity rule: seats left, full, and whether a new choice gets a seat or waits."""

from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.registration_rules import (
    Placement,
    has_room,
    is_full,
    placement,
    room_to_allocate,
    seats_left,
)

capacities = st.none() | st.integers(min_value=0, max_value=500)
counts = st.integers(min_value=0, max_value=600)


def test_the_last_seat_is_given_and_the_next_choice_waits():
    assert placement(120, 119) == Placement.CONFIRMED
    assert placement(120, 120) == Placement.WAITING


def test_a_session_without_a_limit_is_never_full_and_has_no_seats_left_to_count():
    assert not is_full(None, 10_000)
    assert seats_left(None, 10_000) is None
    assert placement(None, 10_000) == Placement.CONFIRMED


def test_a_session_of_no_seats_is_full_from_the_start():
    assert is_full(0, 0)
    assert seats_left(0, 0) == 0


def test_seats_left_never_go_below_zero_when_an_organiser_lowered_the_capacity():
    assert seats_left(80, 95) == 0
    assert is_full(80, 95)


def test_the_allocation_gives_the_seats_left_or_one_for_everyone_who_ranked_without_a_limit():
    assert room_to_allocate(100, 40, wanting=300) == 60
    assert room_to_allocate(100, 130, wanting=300) == 0
    assert room_to_allocate(None, 40, wanting=300) == 300


@given(capacities, counts)
def test_full_means_no_seat_left_and_a_new_choice_waits(capacity, taken):
    assert is_full(capacity, taken) == (not has_room(capacity, taken))
    assert is_full(capacity, taken) == (seats_left(capacity, taken) == 0)
    assert (placement(capacity, taken) == Placement.WAITING) == is_full(capacity, taken)


@given(st.integers(min_value=0, max_value=500), counts)
def test_taking_every_seat_left_fills_the_session_and_no_fewer_does(capacity, taken):
    left = seats_left(capacity, taken)
    assert is_full(capacity, taken + left)
    if left:
        assert has_room(capacity, taken + left - 1)
