"""The invoice basis: who pays what, grouped by organisation, EAN and order reference."""

from decimal import Decimal

from forsamling.domain.invoicing import (
    InvoiceLine,
    amount_due,
    grand_total,
    group_invoices,
)


def line(name, amount="3995"):
    return InvoiceLine(name=name, person_reference="", category="Politiker", amount=Decimal(amount))


def test_active_participant_pays_the_category_price():
    assert amount_due(active=True, price=Decimal("3995"), cancellation_fee=None) == Decimal("3995")


def test_late_cancellation_pays_the_fee():
    due = amount_due(active=False, price=Decimal("3995"), cancellation_fee=Decimal("1000"))
    assert due == Decimal("1000")


def test_free_cancellation_pays_nothing():
    assert amount_due(active=False, price=Decimal("3995"), cancellation_fee=None) is None
    assert amount_due(active=False, price=Decimal("3995"), cancellation_fee=Decimal(0)) is None


def test_one_invoice_per_organisation_ean_and_order_reference():
    invoices = group_invoices(
        [
            ("Aalborg Kommune", "5798000000001", "PO-1", line("Bo")),
            ("Aalborg  Kommune", "5798000000001", "PO-1", line("Anne")),
            ("Aalborg Kommune", "5798000000001", "PO-2", line("Carl")),
        ]
    )
    assert [(i.organisation, i.order_reference, len(i.lines)) for i in invoices] == [
        ("Aalborg Kommune", "PO-1", 2),
        ("Aalborg Kommune", "PO-2", 1),
    ]
    assert [line.name for line in invoices[0].lines] == ["Anne", "Bo"]


def test_invoices_sorted_the_danish_way_with_aa_last():
    invoices = group_invoices(
        [(org, "", "", line("X")) for org in ["Aabenraa Kommune", "Ærø Kommune", "Odense Kommune"]]
    )
    assert [i.organisation for i in invoices] == [
        "Odense Kommune",
        "Ærø Kommune",
        "Aabenraa Kommune",
    ]


def test_totals_per_invoice_and_in_all():
    invoices = group_invoices(
        [
            ("A", "", "", line("x", "3995")),
            ("A", "", "", line("y", "1900.50")),
            ("B", "", "", line("z", "100")),
        ]
    )
    assert invoices[0].total == Decimal("5895.50")
    assert grand_total(invoices) == Decimal("5995.50")
