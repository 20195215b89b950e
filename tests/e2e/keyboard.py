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
