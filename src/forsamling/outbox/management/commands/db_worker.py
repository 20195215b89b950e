"""django-tasks-db's worker, which also gives back the mail tasks a killed worker left running.

A worker killed mid-task leaves that task's row RUNNING for good. Beside the worker loop a
thread calls `recover_abandoned` every `EMAIL_RECOVERY_INTERVAL` seconds (default 30), so a
confirmation whose worker died is sent once another worker, or this one restarted, runs.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from forsamling.outbox.sending import recover_abandoned

logger = logging.getLogger(__name__)


def _recover_forever(stop: threading.Event, every: float) -> None:
    while not stop.wait(every):
        try:
            close_old_connections()
            recovered = recover_abandoned()
            if recovered:
                logger.warning("Queued again %d mail tasks of a worker that died", recovered)
        except Exception:  # a database that is away now is back later
            logger.exception("Could not look for abandoned mail tasks")
        finally:
            connection.close()


class Command(WorkerCommand):
    help = WorkerCommand.help + " Also queues again mail tasks left running by a dead worker."

    def handle(self, *args: Any, **options: Any) -> None:
        recover_abandoned()
        stop = threading.Event()
        every = float(getattr(settings, "EMAIL_RECOVERY_INTERVAL", 30))
        thread = threading.Thread(target=_recover_forever, args=(stop, every), daemon=True)
        if not options.get("batch"):
            thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
