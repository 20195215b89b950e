"""Invoicing's hard rules: the invoice basis per organisation, and invoices as documents
(amounts to the øre, 25 % moms, numbers, grouping, the states of an invoice)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from forsamling.domain.danish import danish_sort_key
from forsamling.domain.ean import is_valid_gln


@dataclass(frozen=True)
class InvoiceLine:
    name: str
    person_reference: str
    category: str
    amount: Decimal
    is_cancellation_fee: bool = False


@dataclass
class Invoice:
    """One invoice: an organisation with one EAN number and one order reference."""

    organisation: str
    ean: str
    order_reference: str
    lines: list[InvoiceLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0"))


def amount_due(*, active: bool, price: Decimal, cancellation_fee: Decimal | None) -> Decimal | None:
    """An active participant pays the category's price; a late cancellation, its fee."""
    if active:
        return price
    if cancellation_fee:
        return cancellation_fee
    return None


def group_invoices(rows: Iterable[tuple[str, str, str, InvoiceLine]]) -> list[Invoice]:
    """Rows of (organisation, EAN, order reference, line) as invoices, the Danish way sorted."""
    invoices: dict[tuple[str, str, str], Invoice] = {}
    for organisation, ean, order_reference, line in rows:
        key = (" ".join(organisation.split()), ean.strip(), order_reference.strip())
        if key not in invoices:
            invoices[key] = Invoice(*key)
        invoices[key].lines.append(line)
    for invoice in invoices.values():
        invoice.lines.sort(key=lambda line: danish_sort_key(line.name))
    return sorted(
        invoices.values(),
        key=lambda i: (danish_sort_key(i.organisation), i.ean, i.order_reference),
    )


def grand_total(invoices: Iterable[Invoice]) -> Decimal:
    return sum((invoice.total for invoice in invoices), Decimal("0"))


# --- Invoices as documents: amounts, VAT, numbering, grouping and the life of an invoice ----
#
# Amounts are DKK without VAT ("ekskl. moms"), as the categories' and stands' prices are.
# EN16931 rounds each line to two decimals (BR-DEC-23), then computes the VAT of each VAT
# rate from the sum of its lines (BR-CO-17: taxable amount × rate / 100, rounded), and the
# totals as plain sums of rounded amounts (BR-CO-10, BR-CO-13, BR-CO-15). Doing the same
# here makes the PDF, the UBL file and the database agree to the øre.

ORE = Decimal("0.01")
STANDARD_VAT_RATE = Decimal("25")  # moms
CURRENCY = "DKK"
# The payment means codes Peppol allows a Danish seller to a Danish buyer (rule DK-R-005).
DANISH_PAYMENT_MEANS = frozenset({"1", "10", "31", "42", "48", "49", "50", "58", "59", "93", "97"})


class InvoicingError(Exception):
    """Something the invoicing rules do not allow."""


class NotDraft(InvoicingError):
    """Only a draft can be issued (or deleted); an issued invoice never changes."""


class NotCreditable(InvoicingError):
    """Only an issued invoice that has not been credited can be credited."""


class InvalidBuyerEAN(InvoicingError):
    """The buyer's EAN (GLN) is not 13 digits with a correct check digit."""

    def __init__(self, ean: str) -> None:
        super().__init__(ean)
        self.ean = ean


class PublicBuyerIncomplete(InvoicingError):
    """A municipality's or region's invoice lacks its EAN number, reference or address: it is
    held back until an organiser fills them in (see `public_buyers`)."""

    def __init__(self, missing: Iterable[str]) -> None:
        self.missing = [str(m) for m in missing]
        super().__init__(", ".join(self.missing))


class SellerIncomplete(InvoicingError):
    """The seller's data for the edition lacks what every invoice must carry."""

    def __init__(self, missing: Iterable[str]) -> None:
        self.missing = sorted(missing)
        super().__init__(", ".join(self.missing))


class EmptyInvoice(InvoicingError):
    """An invoice needs at least one line with an amount."""


def round_ore(amount: Decimal) -> Decimal:
    """Rounded to the øre, half away from zero (0.005 → 0.01), as bookkeeping rounds."""
    return amount.quantize(ORE, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Line:
    """A line as the rules see it: how many, at what unit price without VAT, at what rate."""

    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal = STANDARD_VAT_RATE

    @property
    def net(self) -> Decimal:
        return round_ore(self.quantity * self.unit_price)


@dataclass(frozen=True)
class VatBreakdown:
    rate: Decimal
    taxable: Decimal
    vat: Decimal


@dataclass(frozen=True)
class Totals:
    """An invoice's totals, each rounded to the øre, in EN16931's terms."""

    lines: Decimal  # sum of the lines' net amounts (BT-106)
    vat: Decimal  # total VAT (BT-110)
    breakdown: tuple[VatBreakdown, ...]

    @property
    def without_vat(self) -> Decimal:  # BT-109
        return self.lines

    @property
    def with_vat(self) -> Decimal:  # BT-112, and what is to be paid (BT-115)
        return self.lines + self.vat


def totals(lines: Iterable[Line]) -> Totals:
    """The totals of the lines: VAT per rate from the sum of that rate's lines."""
    taxable: dict[Decimal, Decimal] = {}
    for line in lines:
        taxable[line.vat_rate] = taxable.get(line.vat_rate, Decimal("0.00")) + line.net
    breakdown = tuple(
        VatBreakdown(rate=rate, taxable=amount, vat=round_ore(amount * rate / 100))
        for rate, amount in sorted(taxable.items())
    )
    return Totals(
        lines=sum((b.taxable for b in breakdown), Decimal("0.00")),
        vat=sum((b.vat for b in breakdown), Decimal("0.00")),
        breakdown=breakdown,
    )


def totals_of_prices(prices: Iterable[Decimal]) -> Totals:
    """What an order's prices (each one line, without VAT) come to on its invoice: the totals
    the public pages and e-mails show, computed as the invoice computes them."""
    return totals(Line(quantity=Decimal(1), unit_price=price) for price in prices)


def format_number(prefix: str, sequence: int) -> str:
    """The printed number of the sequence'th document in a series: 'FORUM2026-0007'."""
    if sequence < 1:
        raise ValueError(sequence)
    return f"{prefix}{sequence:04d}"


def due_date(issue_date: date, payment_terms_days: int) -> date:
    """Net terms: due so many days after the issue date ('netto 30 dage')."""
    return issue_date + timedelta(days=payment_terms_days)


def check_buyer_ean(ean: str) -> None:
    """At issuing: an EAN, if there is one, must be valid, or the file would go nowhere."""
    if ean and not is_valid_gln(ean):
        raise InvalidBuyerEAN(ean)


def seller_vat_id(cvr: str) -> str:
    """A Danish seller's VAT identifier: 'DK' and the eight digits of the CVR number."""
    digits = "".join(cvr.split()).removeprefix("DK").removeprefix("dk")
    if len(digits) != 8 or not digits.isascii() or not digits.isdigit():
        raise ValueError(cvr)
    return f"DK{digits}"


def check_seller(values: dict[str, str]) -> None:
    """Raises SellerIncomplete naming what an invoice cannot be issued without."""
    missing = {name for name in ("name", "cvr", "city", "postcode") if not values.get(name)}
    means = values.get("payment_means", "")
    if means not in DANISH_PAYMENT_MEANS:
        missing.add("payment_means")
    elif means in {"31", "42"}:
        missing |= {n for n in ("bank_account", "bank_branch") if not values.get(n)}
    if missing:
        raise SellerIncomplete(missing)


class State(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    CREDITED = "credited"


def check_issuable(state: State, *, line_count: int) -> None:
    if state != State.DRAFT:
        raise NotDraft(state)
    if line_count == 0:
        raise EmptyInvoice()


def check_creditable(state: State, *, is_credit_note: bool) -> None:
    if is_credit_note or state != State.ISSUED:
        raise NotCreditable(state)


def invoice_key(
    *,
    buyer: object,
    order_reference: str,
    one_order_one_invoice: bool,
    group: object | None,
    registration: object,
) -> tuple[object, ...]:
    """Which invoice a participant's line goes on.

    A buyer who asks for "one order, one invoice" gets one invoice per order reference, with
    everyone who typed it; otherwise a group booking is one invoice (per buyer and order
    reference, should the secretary have typed several), and a participant alone is one.
    """
    reference = " ".join(order_reference.split())
    if one_order_one_invoice:
        return (buyer, "order", reference)
    if group is not None:
        return (buyer, "group", group, reference)
    return (buyer, "registration", registration)


@dataclass(frozen=True)
class StaffPass:
    """A stand-staff pass to be paid: who, from which stand's passes, at which price."""

    staff: object
    stand: object
    price: Decimal


def staff_passes(
    stands: Iterable[tuple[object, int, Decimal]], staff: Iterable[object]
) -> list[StaffPass]:
    """Named stand staff take the booked stands' passes in the stands' order.

    `stands` are (stand, included passes, price per pass); each named person costs the
    price of the pass they take. Staff beyond the passes (not allowed when booking, but an
    organiser may add them) pay the last stand's price.
    """
    slots = [(stand, price) for stand, count, price in stands for _ in range(count)]
    passes = []
    for index, person in enumerate(staff):
        if slots:
            stand, price = slots[min(index, len(slots) - 1)]
        else:
            stand, price = None, Decimal("0")
        passes.append(StaffPass(staff=person, stand=stand, price=price))
    return passes


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    city: str


def parse_address(text: str) -> Address:
    """A typed address ('Vej 1\\n9000 Aalborg') as street, postcode and city.

    The last line starting with four digits is the Danish postcode and city; the lines
    before it are the street. Anything else is kept as the street.
    """
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    for index in range(len(lines) - 1, -1, -1):
        head, _, rest = lines[index].partition(" ")
        if len(head) == 4 and head.isdigit() and rest:
            street = ", ".join(lines[:index] + lines[index + 1 :])
            return Address(street=street, postcode=head, city=rest)
    return Address(street=", ".join(lines), postcode="", city="")


def format_amount(value: Decimal) -> str:
    """An amount on an invoice, always with øre: '4.993,75', '-3.995,00'."""
    rounded = round_ore(value)
    sign = "-" if rounded < 0 else ""
    whole, _, cents = f"{abs(rounded):.2f}".partition(".")
    return f"{sign}{int(whole):,}".replace(",", ".") + f",{cents}"
