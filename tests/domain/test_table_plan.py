"""The dinner's table plan: never over a table's size, everyone with a seat placed,
organisations together where a table can hold them, the same plan for the same input."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forsamling.domain.table_plan import Guest, Table, TablesTooSmall, seat_by_organisation

ORGANISATIONS = ["Aalborg Kommune", "Aarhus Kommune", "KL", "Region Nordjylland", "Læsø Kommune"]


@st.composite
def scenes(draw, room=0):
    tables = draw(
        st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=8).map(
            lambda sizes: [Table(number, seats) for number, seats in enumerate(sizes, start=1)]
        )
    )
    total = sum(table.seats for table in tables)
    count = draw(st.integers(min_value=0, max_value=total))
    guests = [Guest(key, draw(st.sampled_from(ORGANISATIONS))) for key in range(1, count + 1)]
    return guests, tables


@given(scenes())
@settings(max_examples=300, deadline=None)
def test_everyone_is_placed_and_no_table_is_over_its_size(scene):
    guests, tables = scene
    plan = seat_by_organisation(guests, tables)
    assert set(plan) == {guest.key for guest in guests}
    sizes = {table.number: table.seats for table in tables}
    for number, count in Counter(plan.values()).items():
        assert count <= sizes[number]


@given(scenes(), st.randoms(use_true_random=False))
@settings(max_examples=200, deadline=None)
def test_the_plan_does_not_depend_on_the_order_of_guests_or_tables(scene, shuffler):
    guests, tables = scene
    first = seat_by_organisation(guests, tables)
    guests, tables = list(guests), list(tables)
    shuffler.shuffle(guests)
    shuffler.shuffle(tables)
    assert seat_by_organisation(guests, tables) == first


@given(
    st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=5),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=6, max_value=10),
)
@settings(max_examples=200, deadline=None)
def test_each_organisation_sits_at_one_table_when_tables_can_hold_each(sizes, extra, seats):
    """As many tables as organisations (or more), each table holding any one of them."""
    guests, key = [], 0
    for organisation, size in zip(ORGANISATIONS, sizes, strict=False):
        for _ in range(size):
            key += 1
            guests.append(Guest(key, organisation))
    tables = [Table(number, seats) for number in range(1, len(sizes) + extra + 1)]
    plan = seat_by_organisation(guests, tables)
    for organisation in ORGANISATIONS:
        tables_used = {plan[g.key] for g in guests if g.organisation == organisation}
        assert len(tables_used) <= 1


@given(scenes(), st.data())
@settings(max_examples=200, deadline=None)
def test_hand_placed_guests_keep_their_table(scene, data):
    guests, tables = scene
    if not guests:
        return
    guest = data.draw(st.sampled_from(guests))
    table = data.draw(st.sampled_from(tables))
    plan = seat_by_organisation(guests, tables, placed={guest.key: table.number})
    assert plan[guest.key] == table.number
    sizes = {t.number: t.seats for t in tables}
    assert all(count <= sizes[n] for n, count in Counter(plan.values()).items())


def test_a_large_organisation_is_split_over_as_few_tables_as_can_be():
    guests = [Guest(n, "Aalborg Kommune") for n in range(1, 13)] + [Guest(20, "KL")]
    tables = [Table(1, 8), Table(2, 8), Table(3, 4)]
    plan = seat_by_organisation(guests, tables)
    aalborg = Counter(plan[n] for n in range(1, 13))
    assert aalborg == {1: 8, 2: 4}
    assert plan[20] in {2, 3}


def test_organisations_are_matched_however_their_names_are_typed():
    guests = [Guest(1, "Aalborg Kommune"), Guest(2, " aalborg  kommune"), Guest(3, "KL")]
    plan = seat_by_organisation(guests, [Table(1, 2), Table(2, 2)])
    assert plan[1] == plan[2] != plan[3]


def test_more_guests_than_seats_is_refused():
    with pytest.raises(TablesTooSmall) as error:
        seat_by_organisation([Guest(n, "KL") for n in range(5)], [Table(1, 4)])
    assert (error.value.guests, error.value.seats) == (5, 4)


def test_a_hand_placement_over_a_tables_size_is_refused():
    with pytest.raises(ValueError):
        seat_by_organisation([Guest(1, "KL"), Guest(2, "KL")], [Table(1, 1)], {1: 1, 2: 1})


def test_the_same_input_gives_the_same_plan_every_time():
    guests = [Guest(n, random.Random(n).choice(ORGANISATIONS)) for n in range(1, 40)]
    tables = [Table(n, 8) for n in range(1, 6)]
    assert len({tuple(sorted(seat_by_organisation(guests, tables).items())) for _ in range(5)}) == 1
