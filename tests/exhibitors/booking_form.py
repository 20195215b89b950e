"""Filling in the public stand booking form in the browser, once for every browser test."""

from __future__ import annotations

from typing import Any


def fill_booking(
    page: Any,
    *,
    organisation: str = "Ældre Sagen",
    cvr: str = "55133018",
    contact: str = "Søren Ærø",
    email: str = "soren@example.dk",
    ean: str = "",
) -> None:
    """Types the company's details and ticks the terms; the stands are chosen by the caller."""
    page.get_by_label("Organisation").fill(organisation)
    page.get_by_label("CVR-nummer").fill(cvr)
    page.get_by_label("Kontaktperson", exact=True).fill(contact)
    page.get_by_label("Kontaktpersonens e-mail").fill(email)
    page.get_by_label("Kontaktpersonens telefon").fill("33 70 30 00")
    page.get_by_label("Fakturaadresse").fill("Nørregade 49\n1165 København K")
    if ean:
        page.get_by_label("EAN-nummer").fill(ean)
    page.locator("label[for=id_accept_terms]").click()
