"""Warnings about a draft programme (no database): double bookings, seats, times out of place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain.programme import Day, Item, Programme, Room, Session, Speaker, Track
from forsamling.domain.programme_conflicts import (
    ENDS_BEFORE_START,
    OUTSIDE_EDITION,
    OUTSIDE_PARENT,
    OVER_CAPACITY,
    OVERLAP,
    ROOM_TWICE,
    SPEAKER_TWICE,
    programme_conflicts,
)
from tests.domain.programme_items import THURSDAY, item, talk

ANNE = Speaker("7", "Anne Görlich", "lektor", "Aarhus Universitet")
SAL_A = Room("1", "Sal A", capacity=100)
SOCIAL = Track("social", "Den Socialpolitiske Sæson")
HEALTH = Track("health", "Den Sundheds- og ældrepolitiske Sæson")


def programme(*items: Item, day: date = THURSDAY) -> Programme:
    return Programme(
        start_date=date(2023, 5, 11),
        end_date=date(2023, 5, 12),
        days=(Day(day, items=items),),
        speakers={ANNE.key: ANNE},
        rooms={SAL_A.key: SAL_A},
    )


def morning_block(*children: Item, **extra: object) -> Item:
    """A theme block "Blok" from 9 to 10 holding `children`."""
    return item("tb", "theme_block", "09:00", "10:00", title="Blok", children=children, **extra)


def kinds(p: Programme) -> list[str]:
    return [c.kind for c in programme_conflicts(p)]


def test_a_programme_in_good_order_has_no_warnings():
    assert (
        programme_conflicts(programme(talk("a", "10:00", "10:20"), talk("b", "10:20", "11:00")))
        == []
    )


def test_speaker_in_two_places_at_once():
    block = morning_block(talk("a", "09:10", "09:35", speakers=(ANNE,)))
    slot = item(
        "bo",
        "breakout",
        "09:30",
        "10:30",
        title="Break out",
        sessions=(Session("s1", "temamoede", "Trivsel", number=1, speakers=(ANNE,)),),
    )
    conflicts = programme_conflicts(programme(block, slot))
    speaker = [c for c in conflicts if c.kind == SPEAKER_TWICE]
    assert [c.text for c in speaker] == [
        "Anne Görlich er både på Oplæg a og Temamøde 1: Trivsel "
        "(torsdag den 11. maj 2023 kl. 09.30–09.35)"
    ]
    assert speaker[0].uids == ("a", "s1")


def test_speaker_on_a_block_and_its_own_talk_is_no_conflict():
    child = talk("a", "09:10", "09:35", speakers=(ANNE,))
    block = morning_block(child, speakers=(ANNE,))
    assert SPEAKER_TWICE not in kinds(programme(block))


def test_a_cancelled_session_books_nobody():
    slot = item(
        "bo",
        "breakout",
        "10:00",
        title="Break out",
        sessions=(Session("s1", "temamoede", "X", speakers=(ANNE,), cancelled=True),),
    )
    assert SPEAKER_TWICE not in kinds(programme(talk("a", "10:00", speakers=(ANNE,)), slot))


def test_room_used_twice_at_once():
    slot = item(
        "bo",
        "breakout",
        "13:00",
        "14:00",
        title="Break out",
        sessions=(
            Session("s1", "session", "Et", room=SAL_A),
            Session("s2", "session", "To", room=SAL_A),
        ),
    )
    texts = [c.text for c in programme_conflicts(programme(slot)) if c.kind == ROOM_TWICE]
    assert texts == ["Sal A bruges både til Et og To (torsdag den 11. maj 2023 kl. 13.00–14.00)"]


def test_session_with_more_seats_than_its_room():
    slot = item(
        "bo",
        "breakout",
        "13:00",
        title="Break out",
        sessions=(Session("s1", "temamoede", "Teams", number=3, room=SAL_A, capacity=120),),
    )
    assert [(c.kind, c.text) for c in programme_conflicts(programme(slot))] == [
        (OVER_CAPACITY, "Temamøde 3: Teams har 120 pladser, men Sal A har kun 100")
    ]


def test_item_on_a_day_the_conference_does_not_run():
    p = programme(talk("a", "10:00", day=date(2023, 5, 13)), day=date(2023, 5, 13))
    assert kinds(p) == [OUTSIDE_EDITION]


def test_item_ending_before_it_starts():
    assert kinds(programme(talk("a", "10:00", "09:00"))) == [ENDS_BEFORE_START]


def test_talk_outside_its_theme_block():
    block = item(
        "tb",
        "theme_block",
        "10:20",
        "11:10",
        title="Velfærd i balance",
        children=(talk("a", "11:00", "11:20"),),
    )
    assert [c.text for c in programme_conflicts(programme(block)) if c.kind == OUTSIDE_PARENT] == [
        "Oplæg a (11.00–11.20) ligger uden for Velfærd i balance (10.20–11.10)"
    ]


def test_two_items_for_everyone_at_the_same_time():
    assert kinds(programme(talk("a", "10:00", "10:30"), talk("b", "10:15", "10:45"))) == [OVERLAP]


def test_items_of_different_tracks_may_run_at_once():
    a = talk("a", "13:00", "14:00", track=SOCIAL)
    b = talk("b", "13:00", "14:00", track=HEALTH)
    assert programme_conflicts(programme(a, b)) == []


def test_a_track_item_and_an_item_for_everyone_clash():
    assert kinds(programme(talk("a", "13:00", "14:00", track=SOCIAL), talk("b", "13:30"))) == [
        OVERLAP
    ]


def test_two_breakouts_at_once_are_two_choices_nobody_can_make():
    """The warning names the half hour they share, not the first one's own time."""
    one = item("b1", "breakout", "13:00", "14:00", title="Break out 1")
    two = replace(one, uid="b2", title="Break out 2", start=time(13, 30), end=time(14, 30))
    assert [c.text for c in programme_conflicts(programme(one, two))] == [
        "Break out 1 og Break out 2 ligger oven i hinanden "
        "(torsdag den 11. maj 2023 kl. 13.30–14.00)"
    ]


minutes = st.integers(8 * 60, 20 * 60)


@given(st.lists(st.tuples(minutes, st.integers(5, 90)), max_size=8))
def test_items_back_to_back_never_overlap(pieces):
    """Items laid one after another, each starting when the previous ends, raise no warning."""
    items, clock = [], 8 * 60
    for n, (_ignored, length) in enumerate(pieces):
        if clock + length >= 24 * 60:
            break
        start, end = (
            time(clock // 60, clock % 60),
            time((clock + length) // 60, (clock + length) % 60),
        )
        items.append(
            Item(uid=str(n), kind="talk", title=f"{n}", day=THURSDAY, start=start, end=end)
        )
        clock += length
    assert programme_conflicts(programme(*items)) == []


@given(minutes, minutes, st.integers(5, 60), st.integers(5, 60))
def test_overlap_warning_matches_interval_arithmetic(start_a, start_b, len_a, len_b):
    def at(m: int) -> time:
        m = min(m, 23 * 60 + 59)
        return time(m // 60, m % 60)

    a = Item(
        uid="a", kind="talk", title="A", day=THURSDAY, start=at(start_a), end=at(start_a + len_a)
    )
    b = Item(
        uid="b", kind="talk", title="B", day=THURSDAY, start=at(start_b), end=at(start_b + len_b)
    )
    expected = start_a < start_b + len_b and start_b < start_a + len_a
    assert (OVERLAP in kinds(programme(a, b))) is expected
