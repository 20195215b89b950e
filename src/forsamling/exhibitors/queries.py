"""Reads of stands and exhibitors shared by the public pages, the back office and registration."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from forsamling.conferences.models import Edition
from forsamling.domain import invoicing as invoicing_rules
from forsamling.domain.danish import danish_sort_key
from forsamling.domain.stands import StandStatus, total_price
from forsamling.exhibitors import staff_registrations
from forsamling.exhibitors.models import Exhibitor, ExtraOrder, FloorPlan, Stand, StandStaff


@dataclass(frozen=True)
class StandMap:
    """The floor plan (if any) and every stand of an edition, for the map and its table."""

    floor_plan: FloorPlan | None
    stands: list[Stand]

    @property
    def placed(self) -> list[Stand]:
        return [stand for stand in self.stands if stand.has_position]

    @property
    def free(self) -> list[Stand]:
        return [stand for stand in self.stands if stand.is_free]

    @property
    def counts(self) -> dict[str, int]:
        counts = {status.value: 0 for status in StandStatus}
        for stand in self.stands:
            counts[stand.status] += 1
        return counts


def stand_map(edition: Edition) -> StandMap:
    stands = sorted(
        Stand.objects.filter(edition=edition).select_related("exhibitor"),
        key=lambda stand: _number_key(stand.number),
    )
    return StandMap(floor_plan=FloorPlan.objects.filter(edition=edition).first(), stands=stands)


def public_exhibitors(edition: Edition) -> list[Exhibitor]:
    """Exhibitors with at least one booked stand, sorted the Danish way (Aalborg last)."""
    exhibitors = (
        Exhibitor.objects.filter(edition=edition, stands__status=StandStatus.BOOKED.value)
        .distinct()
        .prefetch_related(Prefetch("stands", queryset=Stand.objects.order_by("number")))
    )
    return sorted(exhibitors, key=lambda exhibitor: danish_sort_key(exhibitor.organisation))


def exhibitor_by_token(edition: Edition, token: str) -> Exhibitor:
    """The exhibitor behind a private link, or 404 (the same for a wrong edition or token)."""
    return get_object_or_404(
        Exhibitor.objects.select_related("edition"), edition=edition, token=token
    )


def exhibitor_by_scan_token(edition: Edition, token: str) -> Exhibitor:
    """The exhibitor behind a stand staff's scan link, or 404 (also for a replaced link)."""
    return get_object_or_404(
        Exhibitor.objects.select_related("edition"), edition=edition, scan_token=token
    )


@dataclass(frozen=True)
class BookingSummary:
    stands: list[Stand]
    staff: list[StandStaff]
    # Whether the edition registers stand staff, and so asks about their dinner; the answers
    # by member id (members registered on their own are not in it).
    asks_dinner: bool = False
    dinner: dict[int, bool] = field(default_factory=dict)
    # What each named stand-staff member costs (the category's price), None without it.
    pass_price: Decimal | None = None
    extras: list[ExtraOrder] = field(default_factory=list)

    @property
    def stands_total(self) -> Decimal:
        return total_price(stand.price for stand in self.stands)

    @property
    def staff_prices(self) -> list[Decimal]:
        """One price per named member, as the invoice bills them (`staff_passes`)."""
        passes = invoicing_rules.staff_passes(
            ((s, s.included_passes, self.pass_price or Decimal(0)) for s in self.stands),
            self.staff,
        )
        return [p.price for p in passes if p.price]

    @property
    def staff_total(self) -> Decimal:
        return total_price(self.staff_prices)

    @property
    def extras_total(self) -> Decimal:
        return invoicing_rules.totals(self.extra_lines).without_vat

    @property
    def extra_lines(self) -> list[invoicing_rules.Line]:
        """One invoice line per extra ordered: its quantity at the price it was ordered at."""
        return [
            invoicing_rules.Line(quantity=Decimal(order.quantity), unit_price=order.unit_price)
            for order in self.extras
            if order.unit_price
        ]

    @property
    def totals(self) -> invoicing_rules.Totals:
        """What the booking comes to on the invoice: stands, named staff and extras, plus 25 %
        moms, line by line as the invoice computes it."""
        prices = [stand.price for stand in self.stands if stand.price] + self.staff_prices
        return invoicing_rules.totals(
            [invoicing_rules.Line(quantity=Decimal(1), unit_price=price) for price in prices]
            + self.extra_lines
        )

    @property
    def total(self) -> Decimal:
        """Without VAT: the stands and the named stand staff."""
        return self.totals.without_vat

    @property
    def passes(self) -> int:
        return sum(stand.included_passes for stand in self.stands)

    @property
    def staff_with_dinner(self) -> list[tuple[StandStaff, bool | None]]:
        """Each member with their dinner answer, None when they registered on their own."""
        return [(member, self.dinner.get(member.pk)) for member in self.staff]

    @property
    def passes_left(self) -> int:
        return max(self.passes - len(self.staff), 0)


def booking_summary(exhibitor: Exhibitor) -> BookingSummary:
    stands = list(exhibitor.stands.order_by("number"))
    staff = list(exhibitor.staff.all())
    asks_dinner = staff_registrations.registers_stand_staff(exhibitor.edition_id)
    return BookingSummary(
        stands=stands,
        staff=staff,
        asks_dinner=asks_dinner,
        dinner=staff_registrations.dinner_answers(staff) if asks_dinner and staff else {},
        pass_price=staff_registrations.pass_price(exhibitor.edition_id),
        extras=list(exhibitor.extras.select_related("extra")),
    )


def stand_staff_for_edition(edition: Edition) -> QuerySet[StandStaff]:
    """Every named stand-staff member of the edition, with their exhibitor.

    Registration turns these into participants in the stand-staff category.
    """
    return (
        StandStaff.objects.filter(exhibitor__edition=edition)
        .select_related("exhibitor")
        .order_by("exhibitor__organisation", "created_at", "pk")
    )


def exhibitors_for_export(queryset: QuerySet[Exhibitor]) -> list[Exhibitor]:
    """The chosen exhibitors with stands and staff, sorted the Danish way."""
    rows = (
        queryset.select_related("edition")
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("stands", queryset=Stand.objects.order_by("number")),
            "staff",
            Prefetch("extras", queryset=ExtraOrder.objects.select_related("extra")),
        )
    )
    return sorted(rows, key=lambda exhibitor: danish_sort_key(exhibitor.organisation))


def _number_key(number: str) -> tuple[str, int, str]:
    """'A2' before 'A10': letters, then the number, then the rest."""
    prefix = "".join(char for char in number if not char.isdigit()).strip()
    digits = "".join(char for char in number if char.isdigit())
    return (prefix, int(digits) if digits else 0, number)
