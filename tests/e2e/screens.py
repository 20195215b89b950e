"""Screenshots of the browser tests, for a person to look at."""

from __future__ import annotations

import os
from typing import Any


def shot(page: Any, name: str) -> None:
    """A full-page screenshot as $FORSAMLING_SHOTS/`name`.png, when that folder is set."""
    if folder := os.environ.get("FORSAMLING_SHOTS"):
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def open_on_a_phone(browser: Any, url: str) -> tuple[Any, Any]:
    """A Danish browser context as wide as a small phone (375 px) with a page on `url`; returns
    the context (to close) and the page."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="da-DK")
    page = context.new_page()
    page.goto(url)
    return context, page
