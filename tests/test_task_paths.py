"""The tasks' dotted paths: every path the code looks queued tasks up by names a task, and
tasks queued under the paths of the old `tasks.py` modules still run after the migrations."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from forsamling.outbox.sending import MAIL_TASKS
from forsamling.privacy.scheduling import TASK_PATH

MOVED = {  # old path → new path, and the migration that rewrites it
    "forsamling.outbox.tasks.send_message": "forsamling.outbox.sending.send_message",
    "forsamling.privacy.tasks.apply_retention_task": TASK_PATH,
    "forsamling.invoicing.tasks.send_invoice_task": (
        "forsamling.invoicing.sending.send_invoice_task"
    ),
    "forsamling.preferences.tasks.run_allocation": (
        "forsamling.preferences.services.run_allocation_task"
    ),
    "forsamling.preferences.tasks.publish_round": (
        "forsamling.preferences.services.publish_round_task"
    ),
    "forsamling.backoffice.jobs.make_pdf_task": "forsamling.outputs.jobs.make_pdf_task",
    "forsamling.backoffice.messaging.send_mailing_task": (
        "forsamling.registration.mailings.send_mailing_task"
    ),
}
# Their arguments name a row (a preference round, a PDF job, a mailing); with none in the
# database they run and fail, so the run below checks only that they were found under the new
# path (not an import error).
NEEDS_A_ROW = {
    "run_allocation_task": "forsamling.preferences.models.PreferenceRound.DoesNotExist",
    "publish_round_task": "forsamling.preferences.models.PreferenceRound.DoesNotExist",
    "make_pdf_task": "forsamling.outputs.models.OutputJob.DoesNotExist",
    "send_mailing_task": "forsamling.outbox.models.Mailing.DoesNotExist",
}
BEFORE = [("outbox", "0001_initial"), ("privacy", "0002_schedule_retention"),
          ("invoicing", "0001_initial"), ("preferences", "0002_danish_field_names"),
          ("outputs", None)]  # fmt: skip
# The privacy app's latest migration (0003 rewrites the path): the retention task run below is
# today's code and reads today's tables.
AFTER = [("outbox", "0002_send_message_task_path"), ("privacy", "0005_access_link"),
         ("invoicing", "0002_send_invoice_task_path"),
         ("preferences", "0003_task_paths"), ("outbox", "0003_mailing_from_backoffice"),
         ("outputs", "0001_initial")]  # fmt: skip


@pytest.mark.parametrize("path", [*MAIL_TASKS, TASK_PATH, *MOVED.values()])
def test_the_paths_the_code_names_are_tasks(path):
    assert isinstance(import_string(path), Task)


def _row(path: str, status: str) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult.objects.create(
        task_path=path,
        status=status,
        args_kwargs={
            "args": []
            if path.endswith("apply_retention_task")
            else [999999, "system"]
            if "preferences" in path
            else [999999],
            "kwargs": {},
        },
        backend_name="default",
        run_after=now - timedelta(minutes=1),
        started_at=None if status == "READY" else now,
        finished_at=now if status in {"SUCCESSFUL", "FAILED"} else None,
        exception_class_path="",
        traceback="",
    )


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_tasks_queued_under_the_old_paths_run_after_the_migrations(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    DBTaskResult.objects.all().delete()
    rows = {
        (old, status): _row(old, status).pk
        for old in MOVED
        for status in ("READY", "RUNNING", "FAILED", "SUCCESSFUL")
    }

    # Every migration, not only the task-path ones: the tasks then run against today's code,
    # which reads every column the later migrations add.
    after = MigrationExecutor(connection)
    after.migrate(after.loader.graph.leaf_nodes())
    assert set(AFTER) <= after.loader.applied_migrations.keys() | set(
        MigrationExecutor(connection).loader.applied_migrations
    )

    for (old, status), pk in rows.items():
        expected = old if status == "SUCCESSFUL" else MOVED[old]  # history keeps its path
        assert DBTaskResult.objects.get(pk=pk).task_path == expected
    call_command("db_worker", batch=True)
    for old in MOVED:
        ran = DBTaskResult.objects.get(pk=rows[(old, "READY")])
        name = MOVED[old].rsplit(".", 1)[-1]
        if name in NEEDS_A_ROW:
            assert (ran.status, ran.exception_class_path) == ("FAILED", NEEDS_A_ROW[name])
        else:
            assert (ran.status, ran.exception_class_path) == ("SUCCESSFUL", "")

    MigrationExecutor(connection).migrate(BEFORE)  # and back
    for (old, status), pk in rows.items():
        if status != "READY":  # those ran, under the new path
            assert DBTaskResult.objects.get(pk=pk).task_path == old
    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
