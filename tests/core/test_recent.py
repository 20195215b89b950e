"""forsamling.core.recent: public reads kept for PUBLIC_PAGE_CACHE_SECONDS per process."""

from __future__ import annotations

import pytest
from django.test import override_settings

from forsamling.core import recent as module
from forsamling.core.recent import recent


def counting():
    calls = []

    def read():
        calls.append(1)
        return len(calls)

    return calls, read


def test_nothing_is_kept_when_the_cache_is_off():
    """With PUBLIC_PAGE_CACHE_SECONDS=0 (the tests' setting) every call reads."""
    calls, read = counting()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0):
        assert [recent("k", read), recent("k", read)] == [1, 2]
    assert len(calls) == 2


def test_a_read_is_kept_for_its_key_until_it_is_too_old(monkeypatch):
    """Within the time the same key answers from memory; another key, or later, reads again."""
    now = [1000.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    calls, read = counting()
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=1):
        assert recent("a", read) == 1
        now[0] += 0.9
        assert recent("a", read) == 1
        assert recent("b", read) == 2
        now[0] += 0.2
        assert recent("a", read) == 3
    assert len(calls) == 3


def test_an_error_is_not_kept():
    """A read that raises (a missing edition's 404) is tried again next time."""
    attempts = []

    def read():
        attempts.append(1)
        if len(attempts) == 1:
            raise LookupError("missing")
        return "found"

    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=60):
        with pytest.raises(LookupError):
            recent("x", read)
        assert recent("x", read) == "found"
