"""Invoices as documents: amounts to the øre, 25 % moms, numbers, grouping, states."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forsamling.domain import invoicing as rules

prices = st.decimals(min_value=Decimal("0"), max_value=Decimal("99999.99"), places=2)
quantities = st.integers(min_value=1, max_value=40).map(Decimal)
lines = st.lists(st.builds(rules.Line, quantity=quantities, unit_price=prices), max_size=40)


def test_the_forum_price_with_25_percent_moms_to_the_ore():
    totals = rules.totals([rules.Line(quantity=Decimal(1), unit_price=Decimal("3995"))])
    assert (totals.lines, totals.vat, totals.with_vat) == (
        Decimal("3995.00"), Decimal("998.75"), Decimal("4993.75"),
    )  # fmt: skip


def test_rounding_is_half_up_to_the_ore():
    assert rules.round_ore(Decimal("0.005")) == Decimal("0.01")
    assert rules.round_ore(Decimal("0.0049")) == Decimal("0.00")
    assert rules.round_ore(Decimal("-0.005")) == Decimal("-0.01")


def test_vat_is_computed_on_the_sum_of_the_lines_not_line_by_line():
    """Three lines of 0,02 kr.: 0,005 kr. moms each would round to 0,03; on the sum 0,02."""
    totals = rules.totals([rules.Line(quantity=Decimal(1), unit_price=Decimal("0.02"))] * 3)
    assert totals.vat == Decimal("0.02")  # 0,06 × 25 % = 0,015 → 0,02


@given(lines)
def test_totals_add_up_to_the_ore(invoice_lines):
    totals = rules.totals(invoice_lines)
    for amount in (totals.lines, totals.vat, totals.with_vat):
        assert amount == amount.quantize(Decimal("0.01"))
    assert totals.lines == sum((line.net for line in invoice_lines), Decimal(0))
    assert totals.with_vat == totals.lines + totals.vat
    exact_vat = sum((line.quantity * line.unit_price for line in invoice_lines), Decimal(0)) / 4
    assert abs(totals.vat - exact_vat) <= Decimal("0.005")


@given(st.lists(st.sampled_from([Decimal("25"), Decimal("0")]), min_size=1), prices)
def test_one_vat_breakdown_per_rate(rates, price):
    totals = rules.totals(
        rules.Line(quantity=Decimal(1), unit_price=price, vat_rate=r) for r in rates
    )
    assert [b.rate for b in totals.breakdown] == sorted(set(rates))
    assert totals.vat == sum((b.vat for b in totals.breakdown), Decimal(0))


@given(st.integers(min_value=1, max_value=99999))
def test_numbers_keep_their_order_as_text_up_to_9999(n):
    number = rules.format_number("FORUM2026-", n)
    assert number.startswith("FORUM2026-")
    assert int(number.removeprefix("FORUM2026-")) == n
    if n < 9999:
        assert number < rules.format_number("FORUM2026-", n + 1)


def test_number_zero_does_not_exist():
    with pytest.raises(ValueError):
        rules.format_number("X", 0)


def test_due_date_is_net_days_after_issuing():
    assert rules.due_date(date(2026, 3, 2), 30) == date(2026, 4, 1)


def test_buyer_ean_checked_at_issuing():
    rules.check_buyer_ean("")  # no EAN: a PDF invoice
    rules.check_buyer_ean("5798000000001")
    with pytest.raises(rules.InvalidBuyerEAN):
        rules.check_buyer_ean("5798000000002")
    with pytest.raises(rules.InvalidBuyerEAN):
        rules.check_buyer_ean("579800000000")


def test_seller_vat_id_is_dk_and_the_cvr_number():
    assert rules.seller_vat_id("55133018") == "DK55133018"
    assert rules.seller_vat_id("DK 55133018") == "DK55133018"
    with pytest.raises(ValueError):
        rules.seller_vat_id("5513301")


SELLER = {"name": "KL", "cvr": "55133018", "city": "København S", "postcode": "2300",
          "payment_means": "42", "bank_account": "1234567890", "bank_branch": "1551"}  # fmt: skip


def test_a_complete_seller_passes():
    rules.check_seller(SELLER)


@pytest.mark.parametrize("code", sorted(rules.DANISH_PAYMENT_MEANS))
def test_danish_payment_means_are_allowed(code):
    rules.check_seller({**SELLER, "payment_means": code})


def test_a_payment_means_not_allowed_in_denmark_is_refused():
    with pytest.raises(rules.SellerIncomplete) as error:
        rules.check_seller({**SELLER, "payment_means": "30"})
    assert error.value.missing == ["payment_means"]


def test_bank_transfer_needs_account_and_registration_number():
    with pytest.raises(rules.SellerIncomplete) as error:
        rules.check_seller({**SELLER, "bank_account": "", "bank_branch": ""})
    assert error.value.missing == ["bank_account", "bank_branch"]


def test_only_drafts_are_issued_and_only_issued_invoices_credited():
    rules.check_issuable(rules.State.DRAFT, line_count=1)
    with pytest.raises(rules.EmptyInvoice):
        rules.check_issuable(rules.State.DRAFT, line_count=0)
    for state in (rules.State.ISSUED, rules.State.CREDITED):
        with pytest.raises(rules.NotDraft):
            rules.check_issuable(state, line_count=1)
    rules.check_creditable(rules.State.ISSUED, is_credit_note=False)
    with pytest.raises(rules.NotCreditable):
        rules.check_creditable(rules.State.CREDITED, is_credit_note=False)
    with pytest.raises(rules.NotCreditable):
        rules.check_creditable(rules.State.ISSUED, is_credit_note=True)


def key(**overrides):
    values = {"buyer": 1, "order_reference": "PO-1", "one_order_one_invoice": False,
              "group": None, "registration": 10}  # fmt: skip
    return rules.invoice_key(**{**values, **overrides})


def test_participants_alone_get_one_invoice_each():
    assert key(registration=10) != key(registration=11)


def test_a_group_shares_one_invoice():
    assert key(group=5, registration=10) == key(group=5, registration=11)
    assert key(group=5) != key(group=6)


def test_one_order_one_invoice_groups_by_order_reference_across_groups():
    assert key(one_order_one_invoice=True, group=5, registration=1) == key(
        one_order_one_invoice=True, group=None, registration=2, order_reference=" PO-1 "
    )
    assert key(one_order_one_invoice=True) != key(one_order_one_invoice=True, order_reference="2")
    assert key(one_order_one_invoice=True) != key(one_order_one_invoice=True, buyer=2)


def test_stand_staff_take_the_stands_passes_in_order():
    passes = rules.staff_passes(
        [("A1", 2, Decimal("1995")), ("C2", 1, Decimal("1500"))], ["a", "b", "c", "d"]
    )
    assert [(p.staff, p.stand, p.price) for p in passes] == [
        ("a", "A1", Decimal("1995")), ("b", "A1", Decimal("1995")),
        ("c", "C2", Decimal("1500")), ("d", "C2", Decimal("1500")),
    ]  # fmt: skip
    assert rules.staff_passes([], ["a"])[0].price == Decimal(0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Industrivej 4\n8000 Aarhus C", ("Industrivej 4", "8000", "Aarhus C")),
        (
            "Att. Bogholderiet\nVej 1\n9000  Aalborg\n",
            ("Att. Bogholderiet, Vej 1", "9000", "Aalborg"),
        ),
        ("Vej 1, 9000 Aalborg", ("Vej 1, 9000 Aalborg", "", "")),
        ("", ("", "", "")),
    ],
)
def test_typed_addresses_are_split_into_street_postcode_and_city(text, expected):
    a = rules.parse_address(text)
    assert (a.street, a.postcode, a.city) == expected


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2))
def test_amounts_print_with_danish_separators_and_oere(value):
    text = rules.format_amount(value)
    assert Decimal(text.replace(".", "").replace(",", ".")) == value
    assert text[-3] == ","


def test_amount_examples():
    assert rules.format_amount(Decimal("4993.75")) == "4.993,75"
    assert rules.format_amount(Decimal("149812.5")) == "149.812,50"
