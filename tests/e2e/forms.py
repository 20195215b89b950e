"""Filling in the public site's forms in the browser tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.e2e.keyboard import tab_to


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


def register_with_the_keyboard(
    page: Any, edition: Any, *, theme_key: str = "Space", tab: Callable[[Any, str], Any] = tab_to
) -> None:
    """The registration form for Mette Hansen of Aalborg Kommune, filled in and sent with the
    keyboard alone: the first category (Kommunalpolitiker) and the first assembly house
    (sundhed, for politicians) with Space, the theme meeting `theme_key` picks (Space: the
    first; ArrowDown: the second, Psykiatri), the dinner and the terms. `tab` moves the focus
    to each field (`tab_to`, or one that also checks the focus); the caller waits for the
    receipt. `edition`: tests.registration.conftest's."""
    tab(page, "#id_name")
    page.keyboard.type("Mette Hansen")
    tab(page, "#id_email")
    page.keyboard.type("mette@aalborg.dk")
    tab(page, "#id_organisation")
    page.keyboard.type("Aalborg Kommune")
    page.keyboard.press("Escape")
    for choice, key in (
        ("input[name=category]", "Space"),
        (f"input[name=slot_{edition.houses_slot.pk}]", "Space"),
        (f"input[name=slot_{edition.themes_slot.pk}]", theme_key),
        ("input[name=dinner]", "Space"),
        ("#id_accept_terms", "Space"),
    ):
        tab(page, choice)
        page.keyboard.press(key)
    tab(page, ".registration-form button[type=submit]")
    page.keyboard.press("Enter")
