"""Filling in the public site's forms in the browser tests."""

from __future__ import annotations

from typing import Any


def fill_in_registration(page: Any, conference: Any, email: str = "sofie@aalborg.dk") -> None:
    """The registration form for Sofie Holm, an official of Aalborg Kommune, in the big session
    (`conference`: tests.backoffice.conftest.make_conference), not to dinner, terms accepted."""
    page.get_by_label("Navn", exact=True).fill("Sofie Holm")
    page.get_by_label("E-mail", exact=True).fill(email)
    page.get_by_label("Organisation", exact=True).fill("Aalborg Kommune")
    page.get_by_label("Embedsperson").check()
    page.locator("input[name=dinner][value=nej]").check()
    page.locator(f"input[name^=slot_][value='{conference.big.pk}']").check()
    page.locator("input[name=accept_terms]").check()
