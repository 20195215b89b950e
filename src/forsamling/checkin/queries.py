"""Reads for the check-in desk."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet

from forsamling.checkin.models import CheckIn, SessionEntry
from forsamling.checkin.tokens import badge_code, registration_id_from_code
from forsamling.conferences.models import Edition
from forsamling.domain.danish import (
    danish_sort_key,
    format_time,
    format_time_range,
    format_weekday_date,
    to_local,
)
from forsamling.programme.models import Session
from forsamling.registration.models import Category, Choice, ChoiceStatus, Registration, Status


def badge_holder(edition: Edition, code: str) -> Registration | None:
    """The registration a badge code belongs to, if the code is genuine and for this edition."""
    registration_id = registration_id_from_code(code)
    if registration_id is None:
        return None
    return (
        Registration.objects.select_related("category", "checkin", "checkin__by")
        .filter(edition=edition, pk=registration_id)
        .first()
    )


def arrivals(edition: Edition) -> QuerySet[Registration]:
    return Registration.objects.filter(edition=edition, status=Status.ACTIVE, checkin__isnull=False)


def find_by_name(edition: Edition, text: str, *, limit: int = 20) -> list[tuple[Registration, str]]:
    """Active participants whose name or organisation holds the text, with their badge code.

    For the participant who forgot the badge. Matched in Python, so æ, ø and å match
    whatever their case (SQLite's LIKE folds ASCII only).
    """
    needle = " ".join(text.casefold().split())
    if len(needle) < 2:
        return []
    candidates = Registration.objects.filter(edition=edition, status=Status.ACTIVE).values_list(
        "pk", "name", "organisation"
    )
    wanted = [
        pk
        for pk, name, organisation in candidates
        if needle in name.casefold() or needle in organisation.casefold()
    ][:limit]
    found = Registration.objects.filter(pk__in=wanted).select_related("checkin")
    return [
        (r, badge_code(r.pk)) for r in sorted(found, key=lambda r: (danish_sort_key(r.name), r.pk))
    ]


@dataclass(frozen=True)
class DoorListDownload:
    """The door's list as JSON bytes, with a version that changes whenever its content does."""

    body: bytes
    version: str


def door_sessions(edition: Edition) -> QuerySet[Session]:
    """The sessions with a door, in programme order."""
    return (
        Session.objects.filter(slot__edition=edition, is_cancelled=False)
        .select_related("slot", "slot__day", "room")
        .order_by("slot__day__date", "slot__starts_at", "slot__order", "order", "number", "id")
    )


def door_list(edition: Edition) -> DoorListDownload:
    """Everyone with a badge for this edition, with no more than the door needs: the code,
    name, organisation, category, sessions, dinner, whether cancelled and whether arrived.

    Cancelled registrations stay on the list so a device offline can warn about them. Four
    queries, whatever the number of people.
    """
    registrations = list(
        Registration.objects.filter(edition=edition)
        .select_related("category")
        .values(
            "pk", "name", "organisation", "category__name", "dinner", "status",
            "checkin__at", "checkin__device",
        )
    )  # fmt: skip
    seats: dict[int, list[int]] = defaultdict(list)
    waits: dict[int, list[int]] = defaultdict(list)
    for registration_id, session_id, status in Choice.objects.filter(
        registration__edition=edition
    ).values_list("registration_id", "session_id", "status"):
        (seats if status == ChoiceStatus.CONFIRMED else waits)[registration_id].append(session_id)
    people = [
        {
            "code": badge_code(r["pk"]),
            "name": r["name"],
            "organisation": r["organisation"],
            "category": r["category__name"],
            "sessions": sorted(seats.get(r["pk"], [])),
            "waiting": sorted(waits.get(r["pk"], [])),
            "dinner": r["dinner"],
            "cancelled": r["status"] != Status.ACTIVE,
            "arrived": (
                {"at": r["checkin__at"].isoformat(), "device": r["checkin__device"]}
                if r["checkin__at"]
                else None
            ),
        }
        for r in sorted(registrations, key=lambda r: (danish_sort_key(r["name"]), r["pk"]))
    ]
    entered = dict(
        SessionEntry.objects.filter(session__slot__edition=edition)
        .values_list("session_id")
        .annotate(n=Count("id"))
    )
    sessions = [
        {
            "id": s.pk,
            "slot": s.slot_id,
            "title": f"{s.number}. {s.title}" if s.number else s.title,
            "day": format_weekday_date(s.slot.day.date) if s.slot.day else "",
            "time": format_time_range(s.slot.starts_at, s.slot.ends_at),
            "room": s.room.name if s.room else "",
            "capacity": s.capacity,
            "entered": entered.get(s.pk, 0),
        }
        for s in door_sessions(edition)
    ]
    content = {"edition": edition.slug, "people": people, "sessions": sessions}
    version = hashlib.sha256(
        json.dumps(content, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:20]
    body = json.dumps({**content, "version": version}, ensure_ascii=False).encode()
    return DoorListDownload(body=body, version=version)


@dataclass(frozen=True)
class SessionDoor:
    session: Session
    seated: int
    entered: int
    entered_registered: int

    @property
    def entered_unregistered(self) -> int:
        return self.entered - self.entered_registered


@dataclass(frozen=True)
class Arrivals:
    registered: int
    arrived: int
    by_time: list[tuple[str, int]]  # "09.00–09.15", arrivals in that quarter
    by_category: list[tuple[str, int, int]]  # name, registered, arrived
    doors: list[SessionDoor]
    no_shows: list[Registration]


def arrivals_overview(edition: Edition) -> Arrivals:
    """Arrivals by the quarter hour, by category and per session door, and who has not come.

    Seven queries whatever the number of people."""
    active = Registration.objects.filter(edition=edition, status=Status.ACTIVE)
    quarters: dict[datetime, int] = defaultdict(int)
    for moment in CheckIn.objects.filter(registration__in=active).values_list("at", flat=True):
        local = to_local(moment)
        start = local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)
        quarters[start] += 1
    by_time = [
        (f"{format_time(start)}–{format_time(start + timedelta(minutes=15))}", quarters[start])
        for start in sorted(quarters)
    ]
    categories = (
        Category.objects.filter(edition=edition)
        .annotate(
            n=Count("registration", filter=Q(registration__status=Status.ACTIVE)),
            came=Count(
                "registration",
                filter=Q(registration__status=Status.ACTIVE, registration__checkin__isnull=False),
            ),
        )
        .order_by("order", "id")
    )
    seated = dict(
        Choice.objects.filter(
            session__slot__edition=edition,
            status=ChoiceStatus.CONFIRMED,
            registration__status=Status.ACTIVE,
        )
        .values_list("session_id")
        .annotate(n=Count("id"))
    )
    entries: dict[int, tuple[int, int]] = {
        session_id: (n, registered)
        for session_id, n, registered in SessionEntry.objects.filter(session__slot__edition=edition)
        .values("session_id")
        .annotate(n=Count("id"), registered=Count("id", filter=Q(registered=True)))
        .values_list("session_id", "n", "registered")
    }
    doors = [
        SessionDoor(
            session=s,
            seated=seated.get(s.pk, 0),
            entered=entries.get(s.pk, (0, 0))[0],
            entered_registered=entries.get(s.pk, (0, 0))[1],
        )
        for s in door_sessions(edition)
    ]
    no_shows = sorted(
        active.filter(checkin__isnull=True).select_related("category"),
        key=lambda r: (danish_sort_key(r.name), r.pk),
    )
    registered = active.count()
    return Arrivals(
        registered=registered,
        arrived=registered - len(no_shows),
        by_time=by_time,
        by_category=[(c.name, c.n, c.came) for c in categories],
        doors=doors,
        no_shows=no_shows,
    )
