"""The retention's background task (django-tasks; `manage.py db_worker` runs it), and keeping
exactly one run of it waiting in the task queue.

The database backend has no periodic tasks, so the task schedules its own next run: at the
end of every run (successful or not) it enqueues itself with `run_after` at the next full
hour, unless a run is already waiting. The first run is enqueued by the data migration
`privacy.0002_schedule_retention` (and again by `manage.py apply_retention --schedule` if the
queue was ever emptied). Each run is idempotent, so a run late or twice changes nothing more.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from forsamling.privacy.retention import apply_retention

TASK_PATH = "forsamling.privacy.scheduling.apply_retention_task"


@task()
def apply_retention_task() -> int:
    try:
        return sum(applied.rows for applied in apply_retention())
    finally:
        schedule_next_run()


def next_full_hour(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def waiting_run() -> datetime | None:
    """When the next retention run is due, if one is waiting in the database queue."""
    row = (
        DBTaskResult.objects.filter(task_path=TASK_PATH, status="READY")
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    return row


def schedule_next_run(now: datetime | None = None) -> datetime | None:
    """Enqueues the next run at the next full hour unless one is waiting. Returns when the
    waiting run is due, or None with another backend than the database's (the tests' immediate
    one: there the command and the tests call `apply_retention` directly).

    Not durable: it joins the caller's transaction when the migration that schedules the
    first run calls it inside its own; the task and the command call it alone."""
    if not isinstance(apply_retention_task.get_backend(), DatabaseBackend):
        return None

    when = next_full_hour(now or timezone.now())
    with transaction.atomic():
        # Two workers finishing at once must not start two chains: the first one's row is
        # locked (PostgreSQL) or the whole database is (SQLite's IMMEDIATE transactions).
        waiting = list(
            DBTaskResult.objects.select_for_update()
            .filter(task_path=TASK_PATH, status="READY")
            .values_list("run_after", flat=True)
        )
        if waiting:
            return min(waiting)
        apply_retention_task.using(run_after=when).enqueue()
    return when
