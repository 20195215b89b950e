"""Registration's background tasks (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_email(kind: str, pk: int, substituted: bool = False) -> None:
    from forsamling.registration.emails import deliver

    deliver(kind, pk, substituted)
