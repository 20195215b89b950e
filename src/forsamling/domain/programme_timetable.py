"""The timetable as the programme page lays it out: filtered, with parallel tracks side by side.

A day is a list of rows. Most rows are one item for everyone; a run of consecutive items that
belong to tracks becomes one row of columns, one per track, so the afternoon's "sæsoner" can
stand side by side on a wide screen and one after the other on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from forsamling.domain.programme import Item, Programme, Speaker, Track


@dataclass(frozen=True)
class Filters:
    """What the visitor chose: a track key, an item or session kind, a theme block uid."""

    track: str = ""
    kind: str = ""
    theme: str = ""

    def __bool__(self) -> bool:
        return bool(self.track or self.kind or self.theme)


@dataclass(frozen=True)
class TrackColumn:
    track: Track
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Row:
    item: Item | None = None
    columns: tuple[TrackColumn, ...] = ()


@dataclass(frozen=True)
class TimetableDay:
    date: date
    title: str = ""
    moderator: Speaker | None = None
    rows: tuple[Row, ...] = ()


@dataclass(frozen=True)
class FilterChoices:
    tracks: list[tuple[str, str]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    themes: list[tuple[str, str]] = field(default_factory=list)


def _keep(item: Item, filters: Filters) -> Item | None:
    if filters.track and item.track is not None and item.track.key != filters.track:
        return None
    if filters.theme and item.uid != filters.theme:
        return None
    if filters.kind and item.kind != filters.kind:
        sessions = tuple(s for s in item.sessions if s.kind == filters.kind)
        if not sessions:
            return None
        return replace(item, sessions=sessions)
    return item


def _rows(items: list[Item]) -> tuple[Row, ...]:
    rows: list[Row] = []
    run: list[Item] = []

    def close_run() -> None:
        if not run:
            return
        order: list[Track] = []
        for item in run:
            if item.track is not None and item.track not in order:
                order.append(item.track)
        columns = tuple(
            TrackColumn(track, tuple(i for i in run if i.track == track)) for track in order
        )
        rows.append(Row(columns=columns))
        run.clear()

    for item in items:
        if item.track is not None:
            run.append(item)
            continue
        close_run()
        rows.append(Row(item=item))
    close_run()
    return tuple(rows)


def timetable(programme: Programme, filters: Filters | None = None) -> list[TimetableDay]:
    """The days to show, each with its rows; days left empty by the filters are left out."""
    filters = filters or Filters()
    days = []
    for day in programme.days:
        kept = [kept for item in day.items if (kept := _keep(item, filters)) is not None]
        if kept or not filters:
            days.append(TimetableDay(day.date, day.title, day.moderator, _rows(kept)))
    return days


def filter_choices(programme: Programme) -> FilterChoices:
    """The tracks, kinds and theme blocks there are to filter by, in programme order."""
    kinds: list[str] = []
    themes: list[tuple[str, str]] = []
    for item, parent in programme.items():
        if parent is not None:
            continue
        if item.kind not in kinds:
            kinds.append(item.kind)
        for session in item.sessions:
            if session.kind not in kinds:
                kinds.append(session.kind)
        if item.kind == "theme_block":
            themes.append((item.uid, item.title))
    return FilterChoices(
        tracks=[(t.key, t.name) for t in programme.tracks], kinds=kinds, themes=themes
    )
