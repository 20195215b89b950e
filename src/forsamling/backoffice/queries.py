"""Reads for the back-office pages: the overview's figures and the filtered lists.

Every function here runs a fixed number of queries, whatever the number of registrations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate

from forsamling.backoffice.audit_log import LogLine, log_lines
from forsamling.conferences.models import Edition
from forsamling.domain import registration_rules
from forsamling.domain.danish import COPENHAGEN, danish_sort_key, surname_sort_key
from forsamling.figures.reports import registration_totals
from forsamling.outbox.models import Delivery
from forsamling.programme.models import Session
from forsamling.registration.models import (
    AuditEntry,
    Category,
    Choice,
    ChoiceStatus,
    Registration,
    Status,
)
from forsamling.registration.seats import Places, edition_places

ACTIVE = Q(status=Status.ACTIVE)


@dataclass
class SessionLine:
    session: Session
    taken: int
    capacity: int | None
    waiting: int

    @property
    def is_full(self) -> bool:
        return registration_rules.is_full(self.capacity, self.taken)


@dataclass
class Overview:
    active: int = 0
    cancelled: int = 0
    dinner: int = 0
    checked_in: int = 0
    per_day: list[tuple[date, int]] = field(default_factory=list)
    by_category: list[tuple[Category, int]] = field(default_factory=list)
    by_organisation: list[tuple[str, int]] = field(default_factory=list)
    organisations: int = 0
    sessions: list[SessionLine] = field(default_factory=list)
    dietary: list[tuple[str, int]] = field(default_factory=list)
    accessibility: list[tuple[str, int]] = field(default_factory=list)
    by_track: list[tuple[str, int]] = field(default_factory=list)
    places: Places | None = None  # the edition's capacity and places taken, if it has one


def overview(edition: Edition, *, top_organisations: int = 15) -> Overview:
    """The edition's live figures in eight queries (nine with an overall capacity)."""
    registrations = Registration.objects.filter(edition=edition)
    active = registrations.filter(ACTIVE)
    per_day = [
        (row["day"], row["n"])
        for row in active.annotate(day=TruncDate("created_at", tzinfo=COPENHAGEN))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
    ]
    by_category: list[tuple[Category, int]] = [
        (category, category.n)
        for category in Category.objects.filter(edition=edition)
        .annotate(n=Count("registration", filter=Q(registration__status=Status.ACTIVE)))
        .order_by("order", "id")
    ]
    organisations = sorted(
        ((row["organisation"], row["n"]) for row in _counted(active, "organisation")),
        key=lambda pair: (-pair[1], danish_sort_key(pair[0])),
    )
    return Overview(
        per_day=per_day,
        by_category=by_category,
        by_organisation=organisations[:top_organisations],
        organisations=len(organisations),
        sessions=session_lines(edition),
        dietary=_summarised(_counted(active.exclude(dietary=""), "dietary"), "dietary"),
        accessibility=_summarised(
            _counted(active.exclude(accessibility_needs=""), "accessibility_needs"),
            "accessibility_needs",
        ),
        by_track=[(track.name, track.n) for track in tracks_counted(edition)],
        places=edition_places(edition),
        **registration_totals(edition),
    )


def tracks_counted(edition: Edition) -> QuerySet:
    """The edition's parallel tracks with how many active participants follow each."""
    return edition.tracks.annotate(
        n=Count("registrations", filter=Q(registrations__status=Status.ACTIVE))
    ).order_by("order", "id")  # Meta.ordering is dropped from GROUP BY queries


def session_lines(edition: Edition) -> list[SessionLine]:
    """Seats taken, capacity and waiting list of every session, in programme order."""
    sessions = (
        Session.objects.filter(slot__edition=edition)
        .select_related("slot", "slot__day", "seats")
        .annotate(waiting=Count("choices", filter=Q(choices__status=ChoiceStatus.WAITING)))
        .order_by("slot__day__date", "slot__starts_at", "slot__order", "order", "number", "id")
    )
    lines = []
    for session in sessions:
        seats = getattr(session, "seats", None)
        lines.append(
            SessionLine(session, seats.taken if seats else 0, session.capacity, session.waiting)
        )
    return lines


def _counted(registrations: QuerySet[Registration], column: str) -> QuerySet:
    return registrations.values(column).annotate(n=Count("id")).order_by()


def _summarised(rows: QuerySet, column: str) -> list[tuple[str, int]]:
    """Free-text needs grouped regardless of case and spacing ("Vegetar" = "vegetar ")."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for row in rows:
        text = " ".join(row[column].split())
        key = text.casefold()
        spelling.setdefault(key, text[:1].upper() + text[1:])
        counts[key] += row["n"]
    return sorted(
        ((spelling[key], n) for key, n in counts.items()),
        key=lambda pair: (-pair[1], danish_sort_key(pair[0])),
    )


@dataclass(frozen=True)
class RegistrationFilter:
    """The list's search and filters, as typed in the query string."""

    q: str = ""
    session: int | None = None
    category: int | None = None
    organisation: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, params: dict[str, str]) -> RegistrationFilter:
        def number(name: str) -> int | None:
            value = params.get(name, "")
            return int(value) if value.isdigit() else None

        status = params.get("status", "")
        return cls(
            q=params.get("q", "").strip(),
            session=number("session"),
            category=number("category"),
            organisation=params.get("organisation", "").strip(),
            status=status if status in {*Status.values, "all"} else "",
        )


def registrations(edition: Edition, wanted: RegistrationFilter) -> list[Registration]:
    """The edition's registrations that match, sorted by surname the Danish way (two queries)."""
    rows = Registration.objects.filter(edition=edition).select_related(
        "category", "checkin", "track"
    )
    if wanted.status != "all":
        rows = rows.filter(status=wanted.status or Status.ACTIVE)
    if wanted.session is not None:
        rows = rows.filter(choices__session_id=wanted.session)
    if wanted.category is not None:
        rows = rows.filter(category_id=wanted.category)
    if wanted.organisation:
        rows = rows.filter(organisation=wanted.organisation)
    rows = rows.distinct().prefetch_related(
        Prefetch(
            "choices",
            queryset=Choice.objects.select_related("session").order_by("slot__starts_at", "id"),
        )
    )
    found = [r for r in rows if _matches(r, wanted.q)] if wanted.q else list(rows)
    return sorted(found, key=lambda r: (surname_sort_key(r.name), r.pk))


def _matches(registration: Registration, text: str) -> bool:
    """Case-insensitive for æ, ø and å too (SQLite's LIKE folds ASCII only), so in Python."""
    needle = " ".join(text.casefold().split())
    fields = (registration.name, registration.email, registration.organisation)
    return any(needle in value.casefold() for value in (*fields, registration.job_title))


def filter_choices(edition: Edition) -> dict[str, list]:
    """The options of the list's filters (three queries)."""
    return {
        "sessions": list(
            Session.objects.filter(slot__edition=edition).order_by(
                "slot__starts_at", "order", "number"
            )
        ),
        "categories": list(Category.objects.filter(edition=edition)),
        "organisations": sorted(
            set(
                Registration.objects.filter(edition=edition).values_list("organisation", flat=True)
            ),
            key=danish_sort_key,
        ),
    }


@dataclass
class RegistrationFile:
    """One registration with everything the back office knows about it (seven queries at
    most: the log's people and sessions are looked up once each)."""

    registration: Registration
    choices: list[Choice]
    audit: list[LogLine]
    deliveries: list[Delivery]


def registration_file(edition: Edition, registration_id: int) -> RegistrationFile | None:
    registration = (
        Registration.objects.select_related("category", "group", "checkin", "checkin__by")
        .filter(edition=edition, pk=registration_id)
        .first()
    )
    if registration is None:
        return None
    return RegistrationFile(
        registration,
        list(registration.choices.select_related("session", "slot").order_by("slot__starts_at")),
        log_lines(
            list(AuditEntry.objects.filter(registration=registration).order_by("-at", "-id")),
            participant=registration.name,
        ),
        list(
            Delivery.objects.filter(registration=registration)
            .select_related("mailing", "message")
            .order_by("-at", "-id")
        ),
    )
