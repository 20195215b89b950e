"""The invoice basis: what each organisation is to be invoiced for, as plain values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from forsamling.domain.danish import danish_sort_key


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
