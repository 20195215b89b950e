"""KL's figures for an edition, read from the data apps in a fixed number of queries and
counted by `forsamling.domain.figures`. No page here: the back office shows them.

Only fields that survive the anonymisation are read (category, organisation, statuses,
registration and check-in times, session choices and entries, invoice amounts, the audit
log's actions, the survey's anonymous answers); the committees are read from the
registrations that still have one plus the counts kept when the others were anonymised.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _

from forsamling.checkin.models import SessionEntry
from forsamling.conferences.models import Edition
from forsamling.domain import figures as count
from forsamling.domain.audit import AuditAction
from forsamling.domain.danish import COPENHAGEN
from forsamling.figures.models import CommitteeCount
from forsamling.invoicing.models import Invoice, InvoiceLine, Kind, State
from forsamling.programme.models import Session
from forsamling.registration.models import (
    AuditEntry,
    Category,
    Choice,
    ChoiceStatus,
    Registration,
    Status,
)
from forsamling.surveys.models import Answer

ZERO = Decimal("0.00")
ACTIVE = Q(status=Status.ACTIVE)


@dataclass(frozen=True)
class CategoryLine:
    name: str
    registered: int
    arrived: int

    @property
    def no_shows(self) -> int:
        return self.registered - self.arrived


@dataclass(frozen=True)
class SessionLine:
    slot: str
    title: str
    registered: int
    capacity: int | None
    attended: int  # scanned at the session's door
    walk_ins: int  # of those, not registered for it
    rating: float | None  # None when fewer than five answered
    answers: int


@dataclass
class Figures:
    edition: Edition
    active: int = 0
    cancelled: int = 0
    handed_over: int = 0
    waiting_now: int = 0
    promoted: int = 0
    arrived: int = 0
    dinner: int = 0
    by_category: list[CategoryLine] = field(default_factory=list)
    committees: count.Committees = field(default_factory=lambda: count.committees([]))
    coverage: count.Coverage = field(default_factory=lambda: count.coverage([]))
    rush: count.Rush | None = None
    sessions: list[SessionLine] = field(default_factory=list)
    invoiced: Decimal = ZERO
    credited: Decimal = ZERO
    invoices: int = 0
    credit_notes: int = 0
    drafts: int = 0

    @property
    def no_shows(self) -> int:
        return self.active - self.arrived

    @property
    def outstanding(self) -> Decimal:
        """Invoiced less credited: payments are not recorded here."""
        return self.invoiced - self.credited


def registration_totals(edition: Edition) -> dict[str, int]:
    """The edition's registrations counted in one query: `active`, `cancelled`, and of the
    active ones those coming to the `dinner` and those `checked_in`. The figures' totals and
    the back office's overview."""
    return Registration.objects.filter(edition=edition).aggregate(
        active=Count("id", filter=ACTIVE),
        cancelled=Count("id", filter=Q(status=Status.CANCELLED)),
        dinner=Count("id", filter=ACTIVE & Q(dinner=True)),
        checked_in=Count("checkin", filter=ACTIVE),
    )


def edition_figures(edition: Edition) -> Figures:
    registrations = Registration.objects.filter(edition=edition)
    active = registrations.filter(status=Status.ACTIVE)
    totals = registration_totals(edition)
    audit = AuditEntry.objects.filter(edition=edition).aggregate(
        handed_over=Count("id", filter=Q(action=AuditAction.SUBSTITUTED)),
        promoted=Count("id", filter=Q(action=AuditAction.PROMOTED)),
    )
    by_category = [
        CategoryLine(c.name, c.registered, c.arrived)
        for c in Category.objects.filter(edition=edition)
        .annotate(
            registered=Count("registration", filter=Q(registration__status=Status.ACTIVE)),
            arrived=Count("registration__checkin", filter=Q(registration__status=Status.ACTIVE)),
        )
        .order_by("order", "id")
    ]
    live_committees = count.grouped(
        active.exclude(committee="").values_list("committee", flat=True)
    )
    kept = list(CommitteeCount.objects.filter(edition=edition).values_list("committee", "count"))
    kept_other = sum(n for committee, n in kept if not committee)
    invoiced, credited, invoices, credit_notes, drafts = _revenue(edition)
    return Figures(
        edition=edition,
        invoiced=invoiced,
        credited=credited,
        invoices=invoices,
        credit_notes=credit_notes,
        drafts=drafts,
        waiting_now=Choice.objects.filter(
            registration__edition=edition, status=ChoiceStatus.WAITING
        ).count(),
        by_category=by_category,
        committees=count.committees(
            count.added(live_committees, [(c, n) for c, n in kept if c]), kept_other
        ),
        coverage=count.coverage(active.values_list("organisation", flat=True)),
        rush=count.rush(
            registrations.values_list("created_at", flat=True),
            edition.registration_opens_at,
            COPENHAGEN,
        ),
        sessions=_sessions(edition),
        active=totals["active"],
        cancelled=totals["cancelled"],
        dinner=totals["dinner"],
        arrived=totals["checked_in"],
        **audit,
    )


def _sessions(edition: Edition) -> list[SessionLine]:
    sessions = (
        Session.objects.filter(slot__edition=edition)
        .select_related("slot")
        .annotate(
            registered=Count(
                "choices",
                filter=Q(
                    choices__status=ChoiceStatus.CONFIRMED,
                    choices__registration__status=Status.ACTIVE,
                ),
                distinct=True,
            )
        )
        .order_by("slot__day__date", "slot__starts_at", "slot__order", "order", "number", "id")
    )
    doors: dict[int, list[bool]] = defaultdict(list)
    for session_id, registered in SessionEntry.objects.filter(
        session__slot__edition=edition
    ).values_list("session_id", "registered"):
        doors[session_id].append(registered)
    points: dict[int, list[int]] = defaultdict(list)
    for session_id, number in Answer.objects.filter(
        question__survey__edition=edition,
        question__kind="scale",
        session__isnull=False,
        number__isnull=False,
    ).values_list("session_id", "number"):
        points[session_id].append(int(number or 0))
    return [
        SessionLine(
            slot=s.slot.title,
            title=s.title,
            registered=s.registered,
            capacity=s.capacity,
            attended=len(doors[s.pk]),
            walk_ins=doors[s.pk].count(False),
            rating=count.rating(points[s.pk]),
            answers=len(points[s.pk]),
        )
        for s in sessions
    ]


def _revenue(edition: Edition) -> tuple[Decimal, Decimal, int, int, int]:
    """Invoiced and credited (with VAT), the numbers of invoices, credit notes and drafts."""
    invoiced = credited = ZERO
    invoices = credit_notes = drafts = 0
    for invoice in Invoice.objects.filter(edition=edition).prefetch_related(
        Prefetch("lines", queryset=InvoiceLine.objects.order_by("id"))
    ):
        if invoice.state == State.DRAFT:
            drafts += 1
            continue
        amount = invoice.totals(list(invoice.lines.all())).with_vat
        if invoice.kind == Kind.CREDIT_NOTE:
            credited += amount
            credit_notes += 1
        else:
            invoiced += amount
            invoices += 1
    return invoiced, credited, invoices, credit_notes, drafts


def earlier_editions(edition: Edition, *, at_most: int = 2) -> list[Edition]:
    """The real editions before this one, the latest first (demo editions left out)."""
    return list(
        Edition.objects.filter(year__lt=edition.year, is_demo=False).order_by("-year")[:at_most]
    )


def comparison(edition: Edition, *, at_most: int = 2) -> list[Figures]:
    """This edition's figures and those of up to `at_most` earlier ones, oldest first."""
    earlier = earlier_editions(edition, at_most=at_most)
    return [edition_figures(e) for e in reversed(earlier)] + [edition_figures(edition)]


@dataclass(frozen=True)
class Row:
    label: str
    values: list[int | Decimal]  # one per edition, oldest first
    money: bool = False  # kroner with VAT


def comparison_rows(years: list[Figures], *, revenue: bool) -> list[Row]:
    """The key figures of each edition side by side, in the order of `years`. The page, the
    workbook and the PDF show the same rows; the money rows only with `revenue`, for those
    who may see the invoices (`Action.INVOICE`)."""
    counts: list[tuple[str, Callable[[Figures], int]]] = [
        (_("Tilmeldte"), lambda f: f.active),
        (_("Afmeldte"), lambda f: f.cancelled),
        (_("Overdraget til en kollega"), lambda f: f.handed_over),
        (_("Kommuner repræsenteret (af 98)"), lambda f: f.coverage.municipalities),
        (_("Regioner repræsenteret (af 5)"), lambda f: f.coverage.regions),
        (_("Fik plads fra en venteliste"), lambda f: f.promoted),
        (_("Står stadig på venteliste"), lambda f: f.waiting_now),
        (_("Tjekket ind"), lambda f: f.arrived),
        (_("Udeblevet"), lambda f: f.no_shows),
        (_("Til middag"), lambda f: f.dinner),
    ]
    money: list[tuple[str, Callable[[Figures], Decimal]]] = [
        (_("Faktureret (kr. inkl. moms)"), lambda f: f.invoiced),
        (_("Krediteret (kr. inkl. moms)"), lambda f: f.credited),
        (_("Udestående (kr. inkl. moms)"), lambda f: f.outstanding),
    ]
    return [Row(label, [value(f) for f in years]) for label, value in counts] + [
        Row(label, [value(f) for f in years], money=True) for label, value in money if revenue
    ]
