"""Screenshots of the browser tests, for a person to look at."""

from __future__ import annotations

import os
import time
from typing import Any


def shot(page: Any, name: str) -> None:
    """A full-page screenshot as $FORSAMLING_SHOTS/`name`.png, when that folder is set."""
    if folder := os.environ.get("FORSAMLING_SHOTS"):
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


# The last five elements that reach past the window's right edge, so a failure says where.
WIDE_ELEMENTS = (
    "() => [...document.querySelectorAll('body *')].filter(e => "
    "e.getBoundingClientRect().right > window.innerWidth + 0.5).slice(-5)"
    ".map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 30))"
)


def assert_no_sideways_scroll(page: Any, width: int, name: str, seconds: float = 3) -> None:
    """Nothing reaches past `width` px once the page has settled: right after the window was
    resized, the header's script may not yet have folded its menu into "Mere" (it runs on the
    resize event), so the width is asked again for a moment before a wide page fails, naming
    its widest elements."""
    deadline = time.monotonic() + seconds
    while page.evaluate("document.documentElement.scrollWidth") > width:
        if time.monotonic() > deadline:
            raise AssertionError((name, width, page.evaluate(WIDE_ELEMENTS)))
        time.sleep(0.05)


def check_page(page: Any, width: int, name: str, assert_accessible: Any) -> None:
    """A screenshot of the page (`shot`, as `name`-`width`), then: axe-core finds nothing
    (`assert_accessible`, the fixture) and nothing scrolls sideways at `width` px."""
    shot(page, f"{name}-{width}")
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, name)


def open_on_a_phone(browser: Any, url: str) -> tuple[Any, Any]:
    """A Danish browser context as wide as a small phone (375 px) with a page on `url`; returns
    the context (to close) and the page."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="da-DK")
    page = context.new_page()
    page.goto(url)
    return context, page
