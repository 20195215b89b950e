"""django-tasks-db's worker, which waits out a database restart and also gives back the mail
tasks a killed worker left running.

The loop is `forsamling.core.worker.ResilientWorker`: when PostgreSQL restarts or is away, the
worker logs it, waits with a growing pause and goes on, instead of dying with the library's
`OperationalError`. A worker killed mid-task leaves that task's row RUNNING for good. Beside the
worker loop a thread calls `recover_abandoned` every `EMAIL_RECOVERY_INTERVAL` seconds (default
30), so a confirmation whose worker died is sent once another worker, or this one restarted,
runs; the worker also calls it each time it (re)connects.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from forsamling.core.worker import ResilientWorker
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
    help = (
        WorkerCommand.help
        + ". Waits for the database when it is away; queues again mail tasks left running by"
        " a dead worker."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # The library's own handle, with our worker class in place of its Worker.
        self.configure_logging(options["verbosity"])
        batch, reload = options["batch"], options["reload"]
        if reload and batch:
            logger.warning("--reload and --batch cannot be specified together; not reloading")
            reload = False
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            on_start=recover_abandoned,
            queue_names=queue_names,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        stop = threading.Event()
        every = float(getattr(settings, "EMAIL_RECOVERY_INTERVAL", 30))
        thread = threading.Thread(target=_recover_forever, args=(stop, every), daemon=True)
        if not batch:
            thread.start()
        try:
            if reload:
                if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                    worker.configure_signals()  # only the reloaded child
                run_with_reloader(worker.run)
            else:
                worker.configure_signals()
                worker.run()
        finally:
            stop.set()
