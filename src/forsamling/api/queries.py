"""Reads for the API: the published programme as lists, with each session's seats left now,
and the organisers' lists without the people who were erased."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from forsamling.checkin.models import CheckIn
from forsamling.conferences.models import Edition
from forsamling.domain import registration_rules
from forsamling.invoicing.models import Invoice
from forsamling.privacy.anonymise import not_anonymised
from forsamling.programme.models import ProgrammeVersion, Session
from forsamling.programme.queries import current_version, version_summary
from forsamling.registration.models import Choice, ChoiceStatus, Registration


def programme_version_number(edition: Edition) -> int | None:
    version = version_summary(edition)
    return version.number if version else None


@dataclass(frozen=True)
class PublishedProgramme:
    version: ProgrammeVersion
    speakers: list[dict[str, Any]]
    rooms: list[dict[str, Any]]
    tracks: list[dict[str, Any]]
    days: list[dict[str, Any]]
    sessions: list[dict[str, Any]]  # flat, each with its slot's uid, day and times


def _seats_left(snapshot: dict[str, Any]) -> dict[str, int | None]:
    """Seats left per session uid, from the live counters (one query)."""
    uids = [
        session["uid"]
        for day in snapshot.get("days", [])
        for item in day.get("items", [])
        for parent in (item, *item.get("children", []))
        for session in parent.get("sessions", [])
    ]
    rows = Session.objects.filter(uid__in=uids).values_list("uid", "capacity", "seats__taken")
    return {
        str(uid): registration_rules.seats_left(limit, taken or 0) for uid, limit, taken in rows
    }


def published_programme(edition: Edition) -> PublishedProgramme | None:
    """The newest version the public may see, shaped for the API; None before the first."""
    version = current_version(edition)
    if version is None:
        return None
    snapshot = version.snapshot
    left = _seats_left(snapshot)
    days: list[dict[str, Any]] = []
    sessions: list[dict[str, Any]] = []

    def with_seats(session: dict[str, Any]) -> dict[str, Any]:
        return {**session, "seats_left": left.get(session["uid"])}

    def shaped(item: dict[str, Any], day: str, *, nested: bool) -> dict[str, Any]:
        item_sessions = [with_seats(s) for s in item.get("sessions", [])]
        for session in item_sessions:
            sessions.append(
                {**session, "slot": item["uid"], "date": day, "start": item["start"],
                 "end": item["end"]}
            )  # fmt: skip
        data = {**item, "sessions": item_sessions}
        if nested:
            data["children"] = [shaped(c, day, nested=False) for c in item.get("children", [])]
        else:
            data.pop("children", None)
        return data

    for day in snapshot.get("days", []):
        days.append(
            {
                "date": day["date"],
                "title": day.get("title", ""),
                "moderator": day.get("moderator"),
                "items": [shaped(item, day["date"], nested=True) for item in day["items"]],
            }
        )
    return PublishedProgramme(
        version=version,
        speakers=[{"id": key, **value} for key, value in snapshot.get("speakers", {}).items()],
        rooms=[{"id": key, **value} for key, value in snapshot.get("rooms", {}).items()],
        tracks=list(snapshot.get("tracks", [])),
        days=days,
        sessions=sessions,
    )


def registrations(edition: Edition) -> QuerySet[Registration]:
    """The edition's registrations, cancelled ones too, without erased people."""
    return (
        not_anonymised(Registration.objects.filter(edition=edition))
        .select_related("category", "track")
        .annotate(checked_in_at=F("checkin__at"))
        .order_by("id")
    )


def choices(edition: Edition) -> QuerySet[Choice]:
    return (
        Choice.objects.filter(registration__in=registrations(edition).values("pk"))
        .select_related("slot", "session")
        .order_by("id")
    )


def waiting_list(edition: Edition) -> QuerySet[Choice]:
    """Everyone waiting for a seat, per session in the order they will get one."""
    # A subquery, not a window function: a filter (`changed_since`) must not change positions.
    ahead = (
        Choice.objects.filter(session=OuterRef("session"), status=ChoiceStatus.WAITING)
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), id__lte=OuterRef("id"))
        )
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        choices(edition)
        .filter(status=ChoiceStatus.WAITING)
        .annotate(position=Subquery(ahead))
        .order_by("session__order", "session_id", "created_at", "id")
    )


def checkins(edition: Edition) -> QuerySet[CheckIn]:
    return CheckIn.objects.filter(registration__in=registrations(edition).values("pk")).order_by(
        "at", "id"
    )


def invoices(edition: Edition) -> QuerySet[Invoice]:
    return Invoice.objects.filter(edition=edition).prefetch_related("lines").order_by("id")
