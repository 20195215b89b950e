"""The retention's background task (django-tasks; `manage.py db_worker` runs it).

The database backend has no periodic tasks, so the task schedules its own next run: at the
end of every run (successful or not) it enqueues itself with `run_after` at the next full
hour, unless a run is already waiting. The first run is enqueued by the data migration
`privacy.0002_schedule_retention` (and again by `manage.py apply_retention --schedule` if the
queue was ever emptied). Each run is idempotent, so a run late or twice changes nothing more.
"""

from __future__ import annotations

from django_tasks import task


@task()
def apply_retention_task() -> int:
    from forsamling.privacy.retention import apply_retention
    from forsamling.privacy.scheduling import schedule_next_run

    try:
        return sum(applied.rows for applied in apply_retention())
    finally:
        schedule_next_run()
