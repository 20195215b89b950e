"""The hourly retention run keeps itself in the database queue: one run waiting, never two."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from forsamling.privacy.scheduling import TASK_PATH, next_full_hour, schedule_next_run, waiting_run


@pytest.fixture
def database_backend(settings, db):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_next_full_hour():
    moment = datetime(2026, 11, 8, 3, 17, 5, tzinfo=timezone.get_current_timezone())
    assert next_full_hour(moment) == moment.replace(hour=4, minute=0, second=0)


def test_scheduling_twice_leaves_one_run_waiting(database_backend):
    first = schedule_next_run()
    second = schedule_next_run()
    assert first == second == waiting_run()
    assert DBTaskResult.objects.filter(task_path=TASK_PATH, status="READY").count() == 1


@pytest.mark.slow
def test_a_run_enqueues_the_next_one_and_the_worker_runs_due_runs(settings, transactional_db):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DBTaskResult.objects.all().delete()
    schedule_next_run(now=timezone.now() - timedelta(hours=2))  # due an hour ago
    call_command("db_worker", batch=True)
    rows = DBTaskResult.objects.filter(task_path=TASK_PATH)
    assert rows.filter(status="SUCCESSFUL").count() == 1
    waiting = rows.get(status="READY")
    assert waiting.run_after > timezone.now()


def test_the_command_can_start_the_schedule(database_backend, capsys):
    DBTaskResult.objects.all().delete()
    call_command("apply_retention", "--schedule")
    assert "Next run:" in capsys.readouterr().out
    assert waiting_run() is not None


def test_with_another_backend_nothing_is_scheduled(db):
    assert schedule_next_run() is None
