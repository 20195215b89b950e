"""EAN-13 / GLN location numbers, which a Danish public body's electronic invoice must carry.

The last digit is a GS1 mod-10 check digit: weigh the other digits 3, 1, 3, 1 … from the
right, and the check digit brings the sum up to a multiple of ten.
"""

from __future__ import annotations


class InvalidEAN(ValueError):
    """Not 13 digits, or the check digit does not match."""


def normalise_ean(value: str) -> str:
    """The digits of an EAN as typed, without spaces or dashes."""
    return "".join(value.split()).replace("-", "")


def gs1_check_digit(digits: str) -> int:
    """The GS1 check digit for `digits` (all the number's digits except the last)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def is_valid_ean13(value: str) -> bool:
    number = normalise_ean(value)
    if len(number) != 13 or not number.isascii() or not number.isdigit():
        return False
    return gs1_check_digit(number[:-1]) == int(number[-1])


def is_valid_gln(value: str) -> bool:
    """A GLN a Peppol invoice can be routed by: a valid EAN-13 that is not all zeros.

    `0000000000000` passes the check digit (0 is its own check digit) but names no one: the
    invoice would go nowhere, so it is refused like a mistyped number.
    """
    return is_valid_ean13(value) and set(normalise_ean(value)) != {"0"}


def validate_ean(value: str) -> str:
    """The normalised EAN (GLN), or InvalidEAN."""
    if not is_valid_gln(value):
        raise InvalidEAN(value)
    return normalise_ean(value)
