"""Next year's edition as a copy of an earlier one, for organisers to edit.

Copied: the edition's texts and settings, themes, moderator, rooms, tracks, days, the whole
draft programme (items, talks, breakouts, sessions with their speakers, capacities and who may
attend), the participant categories with their prices and the evaluation survey's questions
(`surveys.copying`). Dates and moments move by whole weeks, so the conference keeps its
weekdays (Thursday–Friday stays Thursday–Friday).
Not copied: registrations, published programme versions, exhibitors' bookings and preference
rounds, which belong to one year. The copy is not public until an organiser makes it so.

It lives in `registration`, the highest of the data apps it copies (conferences, programme,
registration's categories and seat counters), so that no data app imports one above it.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction

from forsamling.conferences.models import Edition, Theme
from forsamling.core.transactions import require_callers_transaction
from forsamling.programme.models import (
    Day,
    EditionModerator,
    Item,
    ItemSpeaker,
    Room,
    Session,
    SessionSpeaker,
    Track,
)
from forsamling.registration.models import Category
from forsamling.registration.seats import add_counters
from forsamling.surveys.copying import copy_survey

ONE_YEAR_SAME_WEEKDAY = timedelta(weeks=52)
MOMENTS = [
    "registration_opens_at",
    "registration_closes_at",
    "cancellation_deadline",
    "exhibitors_open_at",
    "exhibitors_close_at",
]


def next_year_slug(source: Edition) -> str:
    slug = str(source.year + 1)
    suffix = 2
    while Edition.objects.filter(slug=slug).exists():
        slug = f"{source.year + 1}-{suffix}"
        suffix += 1
    return slug


def copy_edition(
    *, source: Edition, slug: str | None = None, shift: timedelta = ONE_YEAR_SAME_WEEKDAY
) -> Edition:
    """Creates the copy of `source`, moved by `shift` (a year, keeping weekdays, by default)."""
    with transaction.atomic(durable=True):
        return copy_edition_in_transaction(source=source, slug=slug, shift=shift)


def copy_edition_in_transaction(
    *, source: Edition, slug: str | None = None, shift: timedelta = ONE_YEAR_SAME_WEEKDAY
) -> Edition:
    """`copy_edition` as a step that runs inside the caller's transaction (the demo loader
    copies an edition and makes it the demo in one)."""
    require_callers_transaction()
    years = round(shift.days / 365.25)
    copy = Edition.objects.get(pk=source.pk)
    copy.pk = None
    copy.slug = slug or next_year_slug(source)
    copy.year = source.year + years
    copy.title = source.title.replace(str(source.year), str(copy.year))
    copy.is_public = False
    copy.start_date = source.start_date + shift
    copy.end_date = source.end_date + shift
    for field in MOMENTS:
        moment = getattr(source, field)
        setattr(copy, field, moment + shift if moment else None)
    copy.save()

    Theme.objects.bulk_create(
        Theme(edition=copy, order=t.order, title=t.title, description=t.description)
        for t in source.themes.all()
    )
    moderator = EditionModerator.objects.filter(edition=source).first()
    if moderator is not None:
        EditionModerator.objects.create(edition=copy, speaker_id=moderator.speaker_id)
    rooms = {
        room.pk: Room.objects.create(
            edition=copy, name=room.name, capacity=room.capacity, order=room.order
        )
        for room in source.rooms.all()
    }
    tracks = {
        track.pk: Track.objects.create(
            edition=copy,
            key=track.key,
            name=track.name,
            description=track.description,
            order=track.order,
        )
        for track in source.tracks.all()
    }
    days = {
        day.pk: Day.objects.create(
            edition=copy, date=day.date + shift, title=day.title, moderator_id=day.moderator_id
        )
        for day in Day.objects.filter(edition=source)
    }
    _copy_programme(source, copy, rooms=rooms, tracks=tracks, days=days)
    Category.objects.bulk_create(
        Category(
            edition=copy,
            key=c.key,
            name=c.name,
            price=c.price,
            is_politician=c.is_politician,
            is_health_council=c.is_health_council,
            order=c.order,
            invitation_only=c.needs_invitation,  # bulk_create skips `save`'s marking
        )
        for c in Category.objects.filter(edition=source)
    )
    copy_survey(source=source, copy=copy, shift=shift)
    return copy


def _copy_programme(
    source: Edition, copy: Edition, *, rooms: dict, tracks: dict, days: dict
) -> None:
    items: dict[int, Item] = {}
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
