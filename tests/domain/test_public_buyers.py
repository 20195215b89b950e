"""Public buyers' rules: a GLN that names someone, who looks public, what an invoice to a
municipality needs, and a BuyerReference that is never a person's name."""

from __future__ import annotations

import pytest

from forsamling.domain import invoicing as rules
from forsamling.domain.ean import InvalidEAN, is_valid_ean13, is_valid_gln, validate_ean
from forsamling.domain.public_buyers import (
    BuyerFacts,
    Missing,
    buyer_key,
    buyer_reference,
    looks_public,
    missing_for_public_buyer,
)


def test_thirteen_zeros_pass_the_check_digit_but_are_no_gln():
    assert is_valid_ean13("0000000000000")
    assert not is_valid_gln("0000000000000")
    assert not is_valid_gln("0000 0000 00000")
    with pytest.raises(InvalidEAN):
        validate_ean("0000000000000")
    with pytest.raises(rules.InvalidBuyerEAN):
        rules.check_buyer_ean("0000000000000")


def test_a_real_gln_is_one():
    assert is_valid_gln("5790000705184")
    assert not is_valid_gln("5790000705185")


@pytest.mark.parametrize(
    "name",
    ["Vejen Kommune", "vejen kommune", "Bornholms Regionskommune", "Region Syddanmark",
     "Vejle Kommune, Børn og Unge", "Aarhus Kommune - Sundhed og Omsorg", "Vejen"],
)  # fmt: skip
def test_municipalities_and_regions_look_public(name):
    assert looks_public(name, known=["Vejen Kommune", "Vejen"])


@pytest.mark.parametrize(
    "name",
    ["Danske Regioner", "KL", "Ældre Sagen", "Kommunernes Landsforening", "", "Regionalt ApS"],
)
def test_others_do_not(name):
    assert not looks_public(name, known=["Vejen Kommune", "Vejen"])


def test_the_key_drops_the_department_and_case():
    assert buyer_key("  Vejle  Kommune, Børn og Unge") == "vejle kommune"


def test_a_public_buyer_needs_ean_reference_and_address():
    facts = BuyerFacts(ean="0000000000000", reference=" ", street="", postcode="6600", city="")
    assert missing_for_public_buyer(facts) == [Missing.EAN, Missing.REFERENCE, Missing.ADDRESS]
    complete = BuyerFacts(ean="5790000705184", reference="VEJ-1", street="Rådhuspassagen 3",
                          postcode="6600", city="Vejen")  # fmt: skip
    assert missing_for_public_buyer(complete) == []


def test_the_buyer_reference_is_typed_never_a_name():
    assert buyer_reference(person_references=["AØ", "AØ ", ""], order_reference="PO-1",
                           standing_reference="FAST") == "AØ"  # fmt: skip
    assert buyer_reference(person_references=["AØ", "BB"], order_reference="PO-1",
                           standing_reference="FAST") == "PO-1"  # fmt: skip
    assert buyer_reference(person_references=[], order_reference=" ",
                           standing_reference="FAST") == "FAST"  # fmt: skip
    assert buyer_reference(person_references=[], order_reference="", standing_reference="") == ""


def test_displayed_totals_are_the_invoice_totals():
    from decimal import Decimal

    totals = rules.totals_of_prices([Decimal("3995")] * 6)
    assert (totals.without_vat, totals.with_vat) == (Decimal("23970"), Decimal("29962.50"))
