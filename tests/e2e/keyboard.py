"""Moving through a page with the keyboard alone, for the browser tests."""

from __future__ import annotations

from typing import Any


def tab_to(page: Any, selector: str, limit: int = 150) -> None:
    """Presses Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => !!document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"Tab never reached {selector}")


def tab_until(page: Any, selector: str, limit: int = 80) -> None:
    """Presses Tab until the element matching `selector` has the focus; not at all when it has
    it already (where `tab_to` always moves on first)."""
    for _ in range(limit):
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def type_into(page: Any, selector: str, text: str) -> None:
    """Tabs to the field (`tab_until`), selects what is in it and types `text` over it."""
    tab_until(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
