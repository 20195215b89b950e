"""Registration's background tasks (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import TaskContext, task


@task(takes_context=True)
def deliver_email(context: TaskContext, kind: str, pk: int, substituted: bool = False) -> None:
    """Writes the message into the outbox and sends it; its task's id makes a rerun harmless."""
    from forsamling.registration.emails import deliver

    deliver(kind, pk, substituted, source=f"task:{context.task_result.id}")


@task()
def announce_programme_changes(version_pk: int) -> int:
    from forsamling.registration.programme_notices import announce_programme_changes as announce

    return announce(version_pk)
