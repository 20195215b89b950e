"""django-tasks-db's worker loop, made to outlive a database that goes away.

The library's `Worker.run` lets an `OperationalError` escape when PostgreSQL restarts or the
network drops, and the process dies: a systemd unit brings it back, a bare process stays dead.
`ResilientWorker` catches the error, closes the broken connections, waits (1 s, doubling up to
`max_pause`) and runs the loop again, logging each outage once it starts and when the database
answers again. SIGTERM and Ctrl-C still stop it at once, also while it waits.

A task running when the database went away keeps its row RUNNING (the library cannot record
the outcome); mail tasks among them are queued again by `recover_abandoned` after the lease.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections
from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger(__name__)

# A loop that ran this long without an error was a recovery: the next outage waits 1 s again.
STABLE_AFTER = 60.0


def close_connections() -> None:
    """Drops every connection of this thread; a broken one may fail to close, which is fine."""
    for conn in connections.all(initialized_only=True):
        with contextlib.suppress(DatabaseError):
            conn.close()


class ResilientWorker(Worker):
    """`Worker` that waits for the database instead of dying when it is away."""

    def __init__(
        self,
        *,
        on_start: Callable[[], Any] | None = None,
        first_pause: float = 1.0,
        max_pause: float = 30.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.on_start = on_start
        self.first_pause = first_pause
        self.max_pause = max_pause

    def run(self) -> None:
        pause = self.first_pause
        away_since: float | None = None
        while self.running:
            started = time.monotonic()
            try:
                connections[DEFAULT_DB_ALIAS].ensure_connection()
                if self.on_start is not None:
                    self.on_start()
                if away_since is not None:
                    logger.warning(
                        "The database answers again after %.0f s; the worker goes on",
                        time.monotonic() - away_since,
                    )
                    away_since = None
                super().run()
                return
            except (OperationalError, InterfaceError) as error:
                if time.monotonic() - started > STABLE_AFTER:
                    pause = self.first_pause
                if away_since is None:
                    away_since = time.monotonic()
                    logger.warning("The database is away (%s); the worker waits for it", error)
                logger.info("Trying the database again in %.0f s", pause)
                close_connections()
                self.running_task = False
                # A stop signal during the pause exits here (the library's handler raises
                # SystemExit while no task runs).
                time.sleep(pause)
                pause = min(pause * 2, self.max_pause)
                # No staggered start after an outage: the pause already spread the workers.
                self.startup_delay = False
