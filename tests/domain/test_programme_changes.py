"""Changes between two programme versions, as participants read them (no database)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.programme import Day, Item, Programme, Room, Session, Speaker
from forsamling.domain.programme_changes import (
    ADDED,
    CANCELLED,
    MOVED_ROOM,
    MOVED_TIME,
    REMOVED,
    SPEAKERS,
    TITLE,
    programme_changes,
)
from tests.domain.programme_items import THURSDAY, item

FRIDAY = date(2023, 5, 12)
PIA = Speaker("1", "Pia Kürstein Kjellberg", "projektchef", "Vive")
METTE = Speaker("2", "Mette Lindgaard", "formand", "Dansk Psykiatrisk Selskab")
TEMA3 = Session(
    uid="s3",
    kind="temamoede",
    number=3,
    title="Små, faste teams i ældreplejen – hvordan?",
    speakers=(PIA,),
)
SLOT = item(
    "b2",
    "breakout",
    "15:10",
    "16:10",
    title="Break out: Temamøder",
    sessions=(TEMA3,),
)
TALK = item(
    "t1",
    "talk",
    "10:20",
    "10:45",
    title="Vi skal genfinde omsorgen",
)


def programme(*items: Item, day: date = THURSDAY) -> Programme:
    return Programme(days=(Day(date=day, items=items),))


def texts(old: Programme, new: Programme) -> list[str]:
    return [change.text for change in programme_changes(old, new)]


def test_no_changes_between_equal_programmes():
    assert programme_changes(programme(TALK, SLOT), programme(TALK, SLOT)) == []


def test_session_moved_to_a_later_breakout_is_told_with_both_times():
    later = item("b3", "breakout", "15:30", title="Break out")
    old = programme(replace(SLOT), replace(later))
    new = programme(replace(SLOT, sessions=()), replace(later, sessions=(TEMA3,)))
    assert texts(old, new) == [
        "Temamøde 3: Små, faste teams i ældreplejen – hvordan? "
        "er flyttet fra kl. 15.10 til kl. 15.30"
    ]


def test_session_moved_to_a_new_breakout_is_told_besides_the_new_breakout():
    later = item(
        "b3",
        "breakout",
        "15:30",
        title="Break out: Ekstra",
        sessions=(TEMA3,),
    )
    new = programme(replace(SLOT, sessions=()), later)
    assert texts(programme(SLOT), new) == [
        "Break out: Ekstra er kommet på programmet torsdag den 11. maj 2023 kl. 15.30",
        "Temamøde 3: Små, faste teams i ældreplejen – hvordan? "
        "er flyttet fra kl. 15.10 til kl. 15.30",
    ]


def test_sessions_of_a_new_breakout_are_not_listed_one_by_one():
    later = item(
        "b3",
        "breakout",
        "15:30",
        title="Break out: Ekstra",
        sessions=(replace(TEMA3, uid="new"),),
    )
    assert [c.kind for c in programme_changes(programme(SLOT), programme(SLOT, later))] == [ADDED]


def test_moved_breakout_is_one_change_not_one_per_session():
    moved = replace(SLOT, start=time(15, 30))
    changes = programme_changes(programme(SLOT), programme(moved))
    assert [(c.kind, c.text) for c in changes] == [
        (MOVED_TIME, "Break out: Temamøder er flyttet fra kl. 15.10 til kl. 15.30")
    ]


def test_move_to_another_day_names_both_days():
    old = Programme(days=(Day(THURSDAY, items=(TALK,)), Day(FRIDAY)))
    new = Programme(
        days=(Day(THURSDAY), Day(FRIDAY, items=(replace(TALK, day=FRIDAY, start=time(9)),)))
    )
    assert texts(old, new) == [
        "Vi skal genfinde omsorgen er flyttet fra torsdag den 11. maj 2023 kl. 10.20 "
        "til fredag den 12. maj 2023 kl. 09.00"
    ]


def test_added_item_says_when():
    changes = programme_changes(programme(), programme(TALK))
    assert [(c.kind, c.text) for c in changes] == [
        (
            ADDED,
            "Vi skal genfinde omsorgen er kommet på programmet torsdag den 11. maj 2023 kl. 10.20",
        )
    ]


def test_removed_item():
    assert [(c.kind, c.text) for c in programme_changes(programme(TALK), programme())] == [
        (REMOVED, "Vi skal genfinde omsorgen er taget af programmet")
    ]


def test_removed_theme_block_is_one_change_not_one_per_talk():
    block = item(
        "tb",
        "theme_block",
        "10:20",
        title="Velfærd i balance",
        children=(TALK,),
    )
    assert texts(programme(block), programme()) == ["Velfærd i balance er taget af programmet"]


def test_cancelled_session():
    cancelled = replace(SLOT, sessions=(replace(TEMA3, cancelled=True),))
    changes = programme_changes(programme(SLOT), programme(cancelled))
    assert [(c.kind, c.text) for c in changes] == [
        (CANCELLED, "Temamøde 3: Små, faste teams i ældreplejen – hvordan? er aflyst")
    ]


def test_speaker_replaced_names_who_joined_and_who_left():
    changed = replace(SLOT, sessions=(replace(TEMA3, speakers=(METTE,)),))
    changes = programme_changes(programme(SLOT), programme(changed))
    assert [(c.kind, c.text) for c in changes] == [
        (
            SPEAKERS,
            "Mette Lindgaard er ny oplægsholder på Temamøde 3: Små, faste teams i ældreplejen "
            "– hvordan?. Pia Kürstein Kjellberg deltager ikke længere",
        )
    ]


def test_speaker_who_left():
    changed = replace(TALK, speakers=())
    assert texts(programme(replace(TALK, speakers=(PIA,))), programme(changed)) == [
        "Pia Kürstein Kjellberg deltager ikke længere i Vi skal genfinde omsorgen"
    ]


def test_new_title_names_the_old_one():
    changes = programme_changes(programme(TALK), programme(replace(TALK, title="Omsorg igen")))
    assert [(c.kind, c.text) for c in changes] == [
        (TITLE, "Vi skal genfinde omsorgen har fået ny titel: Omsorg igen")
    ]


def test_room_change():
    old = replace(TALK, room=Room("1", "Sal A"))
    new = replace(TALK, room=Room("2", "Sal B"))
    assert [(c.kind, c.text) for c in programme_changes(programme(old), programme(new))] == [
        (MOVED_ROOM, "Vi skal genfinde omsorgen er flyttet fra Sal A til Sal B")
    ]


def test_only_the_end_moved():
    new = replace(TALK, end=time(10, 50))
    assert texts(programme(TALK), programme(new)) == [
        "Vi skal genfinde omsorgen slutter nu kl. 10.50 i stedet for kl. 10.45"
    ]


times = st.builds(time, st.integers(8, 20), st.sampled_from([0, 10, 15, 20, 30, 45]))
talks = st.lists(
    st.builds(
        Item,
        uid=st.uuids().map(str),
        kind=st.just("talk"),
        title=st.text(min_size=1, max_size=20),
        day=st.just(THURSDAY),
        start=times,
    ),
    max_size=8,
    unique_by=lambda item: item.uid,
)


@given(talks)
def test_a_programme_compared_with_itself_has_no_changes(items):
    assert programme_changes(programme(*items), programme(*items)) == []


@given(talks, talks)
def test_what_is_added_one_way_is_removed_the_other_way(old_items, new_items):
    old, new = programme(*old_items), programme(*new_items)
    added = {c.uid for c in programme_changes(old, new) if c.kind == ADDED}
    removed = {c.uid for c in programme_changes(new, old) if c.kind == REMOVED}
    assert added == removed == {i.uid for i in new_items} - {i.uid for i in old_items}


@given(talks, st.data())
def test_each_moved_item_is_one_time_change(items, data):
    moved = [replace(i, start=data.draw(times)) for i in items]
    changes = programme_changes(programme(*items), programme(*moved))
    expected = {i.uid for i, m in zip(items, moved, strict=True) if i.start != m.start}
    assert [c.kind for c in changes] == [MOVED_TIME] * len(expected)
    assert {c.uid for c in changes} == expected
