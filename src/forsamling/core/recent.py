"""Reads the public site may serve up to a second old, kept per process.

At 10.00 every registration reads the same edition, categories and breakout sessions, and every
confirmation page the same preference rounds. They change a few times a year, and an organiser's
change may take `PUBLIC_PAGE_CACHE_SECONDS` (one second in production, off in tests) to reach the
public pages, as with `forsamling.public.page_cache`; that holds for the edition's opening
and closing moments too. Nothing here decides a seat: the seat counters, a session's seats and
cancellation and a preference round's allocation are read again once the counters are locked
(`forsamling.registration.seats.lock_seats`).

The values are shared by every request of the process: treat them as read-only.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from django.conf import settings

T = TypeVar("T")
MAX_ENTRIES = 512


class Kept:
    """Values kept per process for `PUBLIC_PAGE_CACHE_SECONDS`, at most `most` of them (all
    dropped when full). `recent` uses one; a caller with many keys (one per network, say)
    keeps its own, so its keys never push the shared reads out."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.values: dict[Hashable, tuple[float, Any]] = {}

    def get(self, key: Hashable, read: Callable[[], T]) -> T:
        """`read()`, or what it returned less than `PUBLIC_PAGE_CACHE_SECONDS` ago for `key`."""
        seconds = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 0)
        if seconds <= 0:
            return read()
        now = time.monotonic()
        kept = self.values.get(key)
        if kept is not None and kept[0] > now:
            value: T = kept[1]
            return value
        value = read()
        if len(self.values) >= self.most:
            self.values.clear()
        self.values[key] = (now + seconds, value)
        return value

    def forget(self) -> None:
        """Drops everything kept (tests)."""
        self.values.clear()


_kept = Kept(MAX_ENTRIES)


def recent(key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, or what it returned less than `PUBLIC_PAGE_CACHE_SECONDS` ago for `key`."""
    return _kept.get(key, read)


def forget() -> None:
    """Drops everything kept (tests)."""
    _kept.forget()
