"""Invoicing's background tasks (django-tasks; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django_tasks import task


@task()
def send_invoice_task(invoice_id: int) -> None:
    from forsamling.invoicing.sending import send_invoice

    send_invoice(invoice_id)
