"""The back office's background tasks (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def make_pdf_task(job_id: int) -> None:
    from forsamling.backoffice.jobs import make_pdf

    make_pdf(job_id)


@task()
def send_mailing_task(mailing_id: int) -> None:
    from forsamling.backoffice.messaging import deliver

    deliver(mailing_id)
