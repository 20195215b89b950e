"""Moving a background task to another module, for the migration that goes with the move.

A queued task is a row naming its function by dotted path (django-tasks' database backend);
rows written before a move would name a module that is gone. The rows that may still run
(waiting, running, or failed: the outbox's recovery queues some failed ones again) are pointed
at the new path; finished ones keep the path they ran under. Reversible.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

# The migration of django-tasks' database backend that a move's migration depends on.
TASKS_TABLE = ("django_tasks_database", "0021_conditional_partial_index_ordering")


def _rename(moved: dict[str, str]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        results = apps.get_model(TASKS_TABLE[0], "DBTaskResult")
        for old, new in moved.items():
            results.objects.filter(task_path=old).exclude(status="SUCCESSFUL").update(task_path=new)

    return run


def move_tasks(moved: dict[str, str]) -> migrations.RunPython:
    """The operation that points queued rows from each old path to its new one (and back)."""
    return migrations.RunPython(_rename(moved), _rename({new: old for old, new in moved.items()}))
