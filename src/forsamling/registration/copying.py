"""Next year's edition as a copy of an earlier one, for organisers to edit.

Copied: the edition's texts and settings, themes, moderator, rooms, tracks, days, the whole
draft programme (items, talks, breakouts, sessions with their speakers, capacities and who may
attend), the participant categories with their prices and who may use them (invitation
only), the meals, the dinner's tables, the venue plan with its rooms' places, and the
evaluation survey's questions (`surveys.copying`). Dates and moments move by whole weeks, so
the conference keeps its weekdays (Thursday–Friday stays Thursday–Friday, in the same week of
the year: `domain.next_year`).
Not copied: registrations, published programme versions, exhibitors' bookings and preference
rounds, which belong to one year. The copy is not public until an organiser makes it so.

It lives in `registration`, the highest of the data apps it copies (conferences, programme,
registration's categories and seat counters), so that no data app imports one above it. The
apps above copy their own part (`exhibitors.copying`, `prizes.copying`): the caller above them
hands their steps in as `also`, and every step runs in the one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import transaction

from forsamling.conferences.models import Edition, Theme
from forsamling.core.copying import values_of
from forsamling.core.transactions import require_callers_transaction
from forsamling.domain.next_year import year_on_shift
from forsamling.programme.models import (
    Day,
    EditionModerator,
    Item,
    ItemSpeaker,
    Room,
    Session,
    SessionSpeaker,
    Track,
    VenuePlan,
)
from forsamling.registration.models import Category, DinnerTable, Meal
from forsamling.registration.seats import add_counters
from forsamling.surveys.copying import copy_survey

MOMENTS = [
    "registration_opens_at",
    "registration_closes_at",
    "cancellation_deadline",
    "exhibitors_open_at",
    "exhibitors_close_at",
]
ROOM_FIELDS = ("name", "capacity", "order", "plan_x", "plan_y")
TRACK_FIELDS = ("key", "name", "description", "order")


def next_year_slug(source: Edition) -> str:
    slug = str(source.year + 1)
    suffix = 2
    while Edition.objects.filter(slug=slug).exists():
        slug = f"{source.year + 1}-{suffix}"
        suffix += 1
    return slug


@dataclass
class Copied:
    """What the steps share: the shift, and the copies of the rows later steps point to (the
    old primary key to the new row), e.g. the prize's award item."""

    shift: timedelta
    rooms: dict[Any, Any] = field(default_factory=dict)
    tracks: dict[Any, Any] = field(default_factory=dict)
    days: dict[Any, Any] = field(default_factory=dict)
    items: dict[Any, Any] = field(default_factory=dict)

    def moved(self, moment: Any) -> Any:
        """A date or moment moved like the edition's (None stays None)."""
        return moment + self.shift if moment is not None else None


Step = Callable[[Edition, Edition, Copied], None]


def copy_edition(
    *,
    source: Edition,
    slug: str | None = None,
    shift: timedelta | None = None,
    also: Iterable[Step] = (),
) -> Edition:
    """Creates the copy of `source`, moved by `shift` (by default a year on, to the same
    weekdays of the same week of the year), with the steps of the apps above (`also`)."""
    with transaction.atomic(durable=True):
        return copy_edition_in_transaction(source=source, slug=slug, shift=shift, also=also)


def copy_edition_in_transaction(
    *,
    source: Edition,
    slug: str | None = None,
    shift: timedelta | None = None,
    also: Iterable[Step] = (),
) -> Edition:
    """`copy_edition` as a step that runs inside the caller's transaction (the demo loader
    copies an edition and makes it the demo in one)."""
    require_callers_transaction()
    copied = Copied(shift=shift if shift is not None else year_on_shift(source.start_date))
    copy = _copy_the_edition(source, slug, copied)
    for step in [*STEPS, *also]:
        step(source, copy, copied)
    return copy


def _copy_the_edition(source: Edition, slug: str | None, copied: Copied) -> Edition:
    years = round(copied.shift.days / 365.25)
    copy = Edition.objects.get(pk=source.pk)
    copy.pk = None
    copy.slug = slug or next_year_slug(source)
    copy.year = source.year + years
    copy.title = source.title.replace(str(source.year), str(copy.year))
    copy.is_public = False
    copy.start_date = copied.moved(source.start_date)
    copy.end_date = copied.moved(source.end_date)
    for name in MOMENTS:
        setattr(copy, name, copied.moved(getattr(source, name)))
    copy.save()
    return copy


def _copy_themes(source: Edition, copy: Edition, copied: Copied) -> None:
    Theme.objects.bulk_create(
        Theme(edition=copy, order=t.order, title=t.title, description=t.description)
        for t in source.themes.all()
    )


def _copy_moderator(source: Edition, copy: Edition, copied: Copied) -> None:
    moderator = EditionModerator.objects.filter(edition=source).first()
    if moderator is not None:
        EditionModerator.objects.create(edition=copy, speaker_id=moderator.speaker_id)


def _copy_rooms_tracks_and_days(source: Edition, copy: Edition, copied: Copied) -> None:
    for room in source.rooms.all():
        copied.rooms[room.pk] = Room.objects.create(**values_of(room, ROOM_FIELDS), edition=copy)
    for track in source.tracks.all():
        copied.tracks[track.pk] = Track.objects.create(
            **values_of(track, TRACK_FIELDS), edition=copy
        )
    for day in Day.objects.filter(edition=source):
        copied.days[day.pk] = Day.objects.create(
            edition=copy,
            date=copied.moved(day.date),
            title=day.title,
            moderator_id=day.moderator_id,
        )


def _copy_categories(source: Edition, copy: Edition, copied: Copied) -> None:
    """Every setting of each category: its price, and who may use it (invitation only)."""
    categories = list(Category.objects.filter(edition=source).order_by("order", "id"))
    for category in categories:
        category.pk = None
        category.edition = copy
        category.invitation_only = category.needs_invitation  # bulk_create skips `save`'s marking
        category._state.adding = True
    Category.objects.bulk_create(categories)


def _copy_programme(source: Edition, copy: Edition, copied: Copied) -> None:
    items = copied.items
    rooms, tracks, days = copied.rooms, copied.tracks, copied.days
    originals = Item.objects.filter(edition=source)
    # Parents before their children (theme blocks hold talks one level deep).
    ordered = [*originals.filter(parent__isnull=True), *originals.filter(parent__isnull=False)]
    for item in ordered:
        old_pk = item.pk
        parent = items.get(item.parent_id) if item.parent_id else None
        speakers = list(ItemSpeaker.objects.filter(item_id=old_pk))
        item.pk = None
        item.edition = copy
        item.day = days.get(item.day_id)
        item.parent = parent
        item.room = rooms.get(item.room_id)
        item.track = tracks.get(item.track_id)
        item._state.adding = True
        # A new stable id: the copy is another programme, with its own versions and iCal UIDs.
        item.uid = Item._meta.get_field("uid").get_default()
        item.save()
        items[old_pk] = item
        ItemSpeaker.objects.bulk_create(
            ItemSpeaker(item=item, speaker_id=s.speaker_id, order=s.order) for s in speakers
        )
    for session in Session.objects.filter(slot__edition=source).order_by("id"):
        session_speakers = list(SessionSpeaker.objects.filter(session_id=session.pk))
        session.pk = None
        session._state.adding = True
        session.uid = Session._meta.get_field("uid").get_default()
        session.slot = items[session.slot_id]
        session.room = rooms.get(session.room_id)
        session.save()
        add_counters([session.pk])
        SessionSpeaker.objects.bulk_create(
            SessionSpeaker(session=session, speaker_id=s.speaker_id, order=s.order)
            for s in session_speakers
        )


def _copy_venue_plan(source: Edition, copy: Edition, copied: Copied) -> None:
    """The floor plan (the same image file; a new upload replaces it for the copy only)."""
    plan = VenuePlan.objects.filter(edition=source).first()
    if plan is not None:
        VenuePlan.objects.create(edition=copy, image=plan.image.name, description=plan.description)


def _copy_meals(source: Edition, copy: Edition, copied: Copied) -> None:
    Meal.objects.bulk_create(
        Meal(edition=copy, day=copied.moved(m.day), kind=m.kind, name=m.name, order=m.order)
        for m in Meal.objects.filter(edition=source)
    )


def _copy_dinner_tables(source: Edition, copy: Edition, copied: Copied) -> None:
    """The tables and their sizes; who sits where is next year's."""
    DinnerTable.objects.bulk_create(
        DinnerTable(edition=copy, number=t.number, seats=t.seats)
        for t in DinnerTable.objects.filter(edition=source)
    )


def _copy_survey(source: Edition, copy: Edition, copied: Copied) -> None:
    copy_survey(source=source, copy=copy, shift=copied.shift)


# The steps, in order; each app's own part at or below `registration` is one line here.
STEPS: list[Step] = [
    _copy_themes,
    _copy_moderator,
    _copy_rooms_tracks_and_days,
    _copy_venue_plan,
    _copy_programme,
    _copy_categories,
    _copy_meals,
    _copy_dinner_tables,
    _copy_survey,
]
