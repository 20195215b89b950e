"""Attempts run at once, each in its own thread on its own database connection: the
concurrency tests' one way to make transactions race (PostgreSQL; SQLite serialises them)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections


def race(attempts: list[Callable[[], object]], *, timeout: float = 60) -> list[object]:
    """Runs every attempt at once, released together by a barrier; returns each attempt's
    result or the exception it raised, in the attempts' order."""
    barrier = threading.Barrier(len(attempts))
    results: list[object] = [None] * len(attempts)

    def run(index: int, attempt: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = attempt()
        except BaseException as error:  # reported to the test, in its own thread
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results
