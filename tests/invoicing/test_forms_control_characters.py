"""The invoicing's forms refuse control characters, as every text form does: the seller's
data, a buyer's address and reference, a credit note's reason and what completes a public
buyer's draft all go into the Peppol XML, where U+0001 is not even allowed."""

from __future__ import annotations

import pytest

from forsamling.invoicing.forms import BuyerForm, CompleteDraftForm, CreditForm, SellerForm
from forsamling.invoicing.models import Buyer, Seller

CONTROL = "usynligt styretegn"
ONE_LINE = "Feltet må kun have én linje"
# Start of heading, unit separator (whitespace to Python), next line (C1) and the
# right-to-left override: refused everywhere; line breaks and tabs: in one-line fields.
HIDDEN = ["\x01", "\x1f", "\x85", "\u202e"]
BREAKS = ["\r", "\n", "\t"]

SELLER = {
    "name": "KL", "street": "Weidekampsgade 10", "postcode": "2300", "city": "København S",
    "cvr": "55133018", "contact_name": "Forum-sekretariatet", "contact_email": "",
    "contact_phone": "33 70 33 70", "payment_means": "42", "bank_branch": "1551",
    "bank_account": "1234567890", "payment_terms_days": "30", "number_prefix": "FORUM2026-",
}  # fmt: skip
BUYER = {
    "cvr": "29189420", "street": "Boulevarden 13", "postcode": "9000", "city": "Aalborg",
    "email": "", "reference": "PO-1", "electronic_format": "peppol",
}  # fmt: skip


def seller_form(**values: str) -> SellerForm:
    return SellerForm({**SELLER, **values}, instance=Seller())


def buyer_form(**values: str) -> BuyerForm:
    return BuyerForm({**BUYER, **values}, instance=Buyer(name="Aalborg Kommune"))


def credit_form(**values: str) -> CreditForm:
    return CreditForm({"reason": "Afmeldt før fristen", **values})


# Each form and the text fields no other check of the form refuses a character in (the CVR,
# the postcode and the bank's fields keep their own rules).
FORMS = {"seller": seller_form, "buyer": buyer_form, "credit": credit_form}
FIELDS = [
    *(("seller", name) for name in ("name", "street", "city", "contact_name", "contact_phone",
                                    "number_prefix")),
    *(("buyer", name) for name in ("street", "city", "reference")),
    ("credit", "reason"),
]  # fmt: skip


@pytest.mark.parametrize("form", list(FORMS))
def test_the_forms_take_plain_text(form):
    made = FORMS[form]()
    assert made.is_valid(), made.errors


@pytest.mark.parametrize("character", HIDDEN + BREAKS)
@pytest.mark.parametrize(("form", "name"), FIELDS)
def test_the_forms_text_fields_refuse_the_character(form, name, character):
    plain = (SELLER if form == "seller" else BUYER if form == "buyer" else {}).get(name, "Årsag")
    half = len(plain) // 2  # inside the text: a field strips what whitespace ends it with
    made = FORMS[form](**{name: f"{plain[:half]}{character}{plain[half:]}"})
    assert not made.is_valid()
    assert list(made.errors) == [name]
    assert (ONE_LINE if character in BREAKS else CONTROL) in " ".join(made.errors[name])


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\u202e", "\n"])
def test_the_draft_completion_refuses_control_characters(character):
    form = CompleteDraftForm(
        {"ean": "", "reference": f"Ordre{character}42", "street": "", "postcode": "", "city": ""},
        missing=["reference"],
    )
    assert not form.is_valid()
    assert "reference" in form.errors


def test_the_draft_completion_takes_a_plain_reference():
    form = CompleteDraftForm(
        {"ean": "", "reference": "Ordre 42", "street": "", "postcode": "", "city": ""},
        missing=["reference"],
    )
    assert form.is_valid(), form.errors
