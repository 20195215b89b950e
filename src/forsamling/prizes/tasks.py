"""The prize's background tasks (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_nomination_email(kind: str, pk: int) -> None:
    from forsamling.prizes.emails import deliver

    deliver(kind, pk)
