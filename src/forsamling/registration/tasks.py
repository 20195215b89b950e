"""Registration's background tasks (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_email(kind: str, pk: int, substituted: bool = False) -> None:
    from forsamling.registration.emails import deliver

    deliver(kind, pk, substituted)


@task()
def announce_programme_changes(version_pk: int) -> int:
    from forsamling.registration.programme_notices import announce_programme_changes as announce

    return announce(version_pk)
