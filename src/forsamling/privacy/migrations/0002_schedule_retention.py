"""Starts the hourly retention: enqueues its first run (each run enqueues the next).

Self-contained (historical models only, no application code): it writes the row django-tasks'
database backend writes for `apply_retention_task.using(run_after=<next full hour>).enqueue()`,
under the task's path of the time (`privacy/tasks.py`; 0003 points waiting rows at its new
module). Only with the database backend, and never a second waiting run.
"""

from datetime import timedelta

from django.conf import settings
from django.db import migrations
from django.utils import timezone

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
TASK_PATH = "forsamling.privacy.tasks.apply_retention_task"
LATER_PATH = "forsamling.privacy.scheduling.apply_retention_task"


def schedule(apps, schema_editor):
    if settings.TASKS.get("default", {}).get("BACKEND") != DATABASE_BACKEND:
        return
    results = apps.get_model("django_tasks_database", "DBTaskResult").objects
    if results.filter(task_path__in=[TASK_PATH, LATER_PATH], status="READY").exists():
        return
    next_hour = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    results.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path=TASK_PATH,
        backend_name="default",
        run_after=next_hour,
        exception_class_path="",
        traceback="",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(schedule, migrations.RunPython.noop)]
