"""The outbox's task: one attempt to hand one message to the mail server."""

from __future__ import annotations

from django_tasks import task


@task()
def send_message(message_pk: int) -> None:
    from forsamling.outbox.sending import attempt

    attempt(message_pk)
