"""What the readiness check looks at: the database answers, every migration is applied, and
the worker keeps up with its queue."""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor

from forsamling.ops.queries import task_queue

# Loading the migration graph reads every migration file (tens of milliseconds). Once all are
# applied they stay applied for this process's life, so the answer is kept.
_migrated = False


def forget() -> None:
    """Check the migrations again on the next call (for tests)."""
    global _migrated
    _migrated = False


def migrations_applied() -> bool:
    global _migrated
    if not _migrated:
        executor = MigrationExecutor(connection)
        _migrated = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return _migrated


def problems() -> list[str]:
    """Why the site is not ready, in short English phrases without personal data; empty when
    it is."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not migrations_applied():
            return ["migrations pending"]
        queue = task_queue()
    except DatabaseError:
        return ["database unreachable"]
    limit = float(settings.READYZ_MAX_QUEUE_AGE)
    if queue.oldest_age > limit:
        return [f"task queue stuck: oldest waiting task {queue.oldest_age:.0f}s > {limit:.0f}s"]
    return []
