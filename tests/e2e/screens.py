"""Screenshots of the browser tests, for a person to look at."""

from __future__ import annotations

import os
from typing import Any


def shot(page: Any, name: str) -> None:
    """A full-page screenshot as $FORSAMLING_SHOTS/`name`.png, when that folder is set."""
    if folder := os.environ.get("FORSAMLING_SHOTS"):
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)
