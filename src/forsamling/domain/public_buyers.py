"""Public buyers (municipalities and regions): what their finance offices need on an invoice.

A Danish public body only accepts electronic invoices (lov om offentlige betalinger § 6 and
bekendtgørelse om elektronisk fakturering), routed by the EAN number (GLN) of the office that
ordered, and its systems match an invoice to the order by a reference (BuyerReference). The
VAT rules (momsbekendtgørelsen § 58) also ask for the buyer's name and address. So an invoice
to a public buyer is held back until it has an EAN, a reference and an address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from forsamling.domain.ean import is_valid_gln

_WORDS = re.compile(r"[^\wæøåÆØÅ-]+")
# The words that make a name public on their own: "Vejen Kommune", "Bornholms
# Regionskommune", "Region Syddanmark", "Vejle Kommune, Børn og Unge".
_PUBLIC_WORDS = frozenset({"kommune", "regionskommune", "region"})


def buyer_key(name: str) -> str:
    """How a typed organisation is matched against the list of public buyers: its first part
    (before a comma or a dash naming the department), casefolded, with single spaces.
    'Vejle Kommune, Børn og Unge' and 'vejle  kommune' are both 'vejle kommune'."""
    head = re.split(r",| - | – ", name, maxsplit=1)[0]
    return " ".join(head.split()).casefold()


def looks_public(name: str, known: Iterable[str] = ()) -> bool:
    """Whether an organisation looks like a municipality or region: its name is on the list
    (`known`, compared by `buyer_key`), or it ends in "Kommune"/"Regionskommune" or is a
    "Region …" (also with a department after a comma). 'Danske Regioner' is not."""
    key = buyer_key(name)
    if not key:
        return False
    if key in {buyer_key(k) for k in known}:
        return True
    words = [w for w in _WORDS.split(key) if w]
    return bool(words) and (words[-1] in _PUBLIC_WORDS or words[0] == "region")


class Missing(StrEnum):
    """What an invoice to a public buyer cannot be issued without."""

    EAN = "ean"
    REFERENCE = "reference"
    ADDRESS = "address"


@dataclass(frozen=True)
class BuyerFacts:
    ean: str
    reference: str
    street: str
    postcode: str
    city: str


def missing_for_public_buyer(facts: BuyerFacts) -> list[Missing]:
    """What a public buyer's invoice lacks: a valid EAN, a reference, the address (street,
    postcode and city). Empty when it can be issued."""
    missing = []
    if not is_valid_gln(facts.ean):
        missing.append(Missing.EAN)
    if not facts.reference.strip():
        missing.append(Missing.REFERENCE)
    if not (facts.street.strip() and facts.postcode.strip() and facts.city.strip()):
        missing.append(Missing.ADDRESS)
    return missing


def buyer_reference(
    *, person_references: Iterable[str], order_reference: str, standing_reference: str
) -> str:
    """The invoice's BuyerReference (BT-10), never a person's name.

    The person reference every participant on the invoice typed (a 5-letter user id, say);
    else the order number typed; else the reference the EAN holder gave once for all its
    invoices (the buyer's standing reference). Empty if there is none: a public buyer's
    invoice then waits until an organiser fills it in.
    """
    typed = {" ".join(ref.split()) for ref in person_references if ref.strip()}
    if len(typed) == 1:
        return typed.pop()
    for candidate in (order_reference, standing_reference):
        if candidate.strip():
            return " ".join(candidate.split())
    return ""
