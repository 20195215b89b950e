"""The timetable's layout and filters (no database)."""

from __future__ import annotations

from datetime import date, time

from forsamling.domain.programme import Day, Item, Programme, Session, Track
from forsamling.domain.programme_timetable import Filters, filter_choices, timetable

THURSDAY, FRIDAY = date(2026, 5, 7), date(2026, 5, 8)
SOCIAL = Track("social", "Den Socialpolitiske Sæson")
HEALTH = Track("health", "Den Sundheds- og ældrepolitiske Sæson")


def item(uid: str, kind: str = "talk", **fields) -> Item:
    return Item(uid=uid, kind=kind, title=fields.pop("title", uid), day=THURSDAY, **fields)


OPENING = item("opening", "welcome", start=time(10))
BLOCK = item("block", "theme_block", title="Lokalpolitisk handlekraft", start=time(10, 30))
SOCIAL_1 = item("social-1", track=SOCIAL, start=time(13))
SOCIAL_2 = item("social-2", track=SOCIAL, start=time(14))
HEALTH_1 = item("health-1", track=HEALTH, start=time(13))
BREAKOUT = item(
    "breakout",
    "breakout",
    start=time(15),
    sessions=(
        Session("house", "assembly_house", "Politisk forsamlingshus om sundhed"),
        Session("master", "masterclass", "Masterclass i styring"),
    ),
)
CLOSING = item("closing", "closing", start=time(16))
PROGRAMME = Programme(
    tracks=(SOCIAL, HEALTH),
    days=(
        Day(THURSDAY, items=(OPENING, BLOCK, SOCIAL_1, HEALTH_1, SOCIAL_2, BREAKOUT, CLOSING)),
        Day(FRIDAY, items=(item("friday", start=time(9)),)),
    ),
)


def shape(days):
    return [
        [
            row.item.uid
            if row.item
            else {c.track.key: [i.uid for i in c.items] for c in row.columns}
            for row in day.rows
        ]
        for day in days
    ]


def test_consecutive_track_items_become_one_row_of_columns_in_track_order():
    assert shape(timetable(PROGRAMME))[0] == [
        "opening",
        "block",
        {"social": ["social-1", "social-2"], "health": ["health-1"]},
        "breakout",
        "closing",
    ]


def test_track_filter_keeps_the_shared_items_and_the_chosen_track():
    days = timetable(PROGRAMME, Filters(track="health"))
    assert shape(days)[0] == ["opening", "block", {"health": ["health-1"]}, "breakout", "closing"]


def test_kind_filter_by_session_kind_keeps_only_those_sessions():
    days = timetable(PROGRAMME, Filters(kind="masterclass"))
    assert shape(days) == [["breakout"]]
    assert [s.uid for s in days[0].rows[0].item.sessions] == ["master"]


def test_theme_filter_shows_only_that_block_and_drops_empty_days():
    assert shape(timetable(PROGRAMME, Filters(theme="block"))) == [["block"]]


def test_without_filters_every_day_is_shown_even_an_empty_one():
    programme = Programme(days=(Day(THURSDAY), Day(FRIDAY)))
    assert [d.date for d in timetable(programme)] == [THURSDAY, FRIDAY]


def test_filter_choices_list_tracks_kinds_and_theme_blocks_in_programme_order():
    choices = filter_choices(PROGRAMME)
    assert choices.tracks == [("social", SOCIAL.name), ("health", HEALTH.name)]
    assert choices.kinds == [
        "welcome", "theme_block", "talk", "breakout", "assembly_house", "masterclass", "closing",
    ]  # fmt: skip
    assert choices.themes == [("block", "Lokalpolitisk handlekraft")]
