"""The edition's overall capacity: never more active participants than its places."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.registration_rules import (
    EditionFull,
    RegistrationError,
    check_room,
    has_room,
    is_full,
    seats_left,
)


def test_without_a_capacity_everyone_is_admitted():
    assert has_room(taken=10_000, capacity=None, wanted=500)
    assert seats_left(taken=10_000, capacity=None) is None
    assert not is_full(taken=10_000, capacity=None)
    check_room(taken=10_000, capacity=None, wanted=500)


def test_the_last_place_is_given_and_then_the_edition_is_full():
    assert has_room(taken=299, capacity=300)
    assert not is_full(taken=299, capacity=300)
    assert not has_room(taken=300, capacity=300)
    assert is_full(taken=300, capacity=300)
    assert seats_left(taken=300, capacity=300) == 0


def test_a_group_is_admitted_whole_or_not_at_all():
    assert has_room(taken=290, capacity=300, wanted=10)
    assert not has_room(taken=291, capacity=300, wanted=10)
    with pytest.raises(EditionFull) as refused:
        check_room(taken=291, capacity=300, wanted=10)
    assert (refused.value.wanted, refused.value.left) == (10, 9)


def test_walk_ins_over_the_capacity_leave_no_negative_places():
    assert seats_left(taken=305, capacity=300) == 0
    assert is_full(taken=305, capacity=300)


def test_a_capacity_of_zero_admits_nobody_and_nothing_is_always_admitted():
    assert is_full(taken=0, capacity=0)
    assert has_room(taken=0, capacity=0, wanted=0)


def test_a_negative_group_is_a_programming_error():
    with pytest.raises(ValueError):
        has_room(taken=0, capacity=10, wanted=-1)


def test_full_is_a_registration_error_the_pages_already_turn_into_danish():
    assert issubclass(EditionFull, RegistrationError)


@given(
    taken=st.integers(0, 1000),
    capacity=st.none() | st.integers(0, 1000),
    wanted=st.integers(0, 50),
)
def test_admitting_never_takes_the_count_over_the_capacity(taken, capacity, wanted):
    left = seats_left(taken=taken, capacity=capacity)
    if has_room(taken=taken, capacity=capacity, wanted=wanted):
        assert capacity is None or (taken + wanted <= capacity and (left or 0) >= wanted)
    else:
        assert capacity is not None and taken + wanted > capacity
