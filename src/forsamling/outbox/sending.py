"""The outbox: every e-mail is a `SentMessage` row first, then an attempt to send it.

`queue` writes the row and its first attempt's task in the caller's transaction. `attempt`
claims the row, hands the message to the mail server and marks it sent only when the server
accepted it; a temporary failure leaves it waiting and queues the next attempt after a growing
pause (`forsamling.domain.mail`), in the same transaction as the mark; a permanent one marks it
failed. A claim is a lease: a worker killed between sending and marking leaves the row waiting
and its task running, and `recover_abandoned` (run by `manage.py db_worker`) queues the task
again after the lease, so such a message may be sent twice but is never lost.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks.base import TaskResultStatus
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from forsamling.conferences.models import Edition
from forsamling.domain import mail as rules
from forsamling.outbox.models import MessageStatus, SentMessage

logger = logging.getLogger(__name__)

# Tasks that write or send outbox messages and may safely run again (each writes its rows
# under a `source` key, and each message is sent by whoever claims it).
MAIL_TASKS = (
    "forsamling.registration.emails.deliver_email",
    "forsamling.outbox.sending.send_message",
    "forsamling.registration.mailings.send_mailing_task",
    "forsamling.preferences.emails.send_results",
)


def lease() -> timedelta:
    """How long a claim or a running mail task may last before it counts as abandoned."""
    return timedelta(seconds=getattr(settings, "EMAIL_RECOVERY_AFTER", 600))


def _pauses() -> tuple[timedelta, ...]:
    configured = getattr(settings, "EMAIL_RETRY_PAUSES", None)
    if configured:
        return tuple(timedelta(seconds=seconds) for seconds in configured)
    return rules.RETRY_PAUSES


def _backend_queues_in_transaction() -> bool:
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def queue(
    *,
    to: str,
    subject: str,
    body: str,
    edition: Edition | None,
    registration_id: int | None = None,
    reply_to: str = "",
    attachments: list[dict[str, str]] | None = None,
    source: str | None = None,
    send_now: bool = False,
) -> SentMessage:
    """Writes the message and queues its first attempt, as part of the caller's change.

    With the database backend the attempt's task row is written in the caller's transaction
    (it exists exactly when the message does); other backends get it on commit. `send_now`
    (for code already running in a worker) makes the attempt at once instead. A `source`
    already used returns the message written then: a task run twice writes it once. The
    demo's messages are kept for its inbox and never sent. A message to a participant names
    their registration by its id (the outbox sits below registration).

    Not durable: it joins the caller's transaction (a registration, a mailing, an invoice),
    so the message exists exactly when the change does; alone it is its own.
    """
    demo = edition is not None and edition.is_demo
    with transaction.atomic():
        message = SentMessage.objects.filter(source=source).first() if source else None
        if message is None:
            message = SentMessage.objects.create(
                registration_id=registration_id,
                edition=edition,
                to=to,
                reply_to=reply_to or "",
                subject=subject[:300],
                body=body,
                attachments=attachments or [],
                source=source,
                status=MessageStatus.DEMO if demo else MessageStatus.WAITING,
                next_attempt_at=None if demo else timezone.now(),
            )
            if not demo and not send_now:
                _queue_attempt(message.pk)
    if send_now and message.status == MessageStatus.WAITING:
        attempt(message.pk)
        message.refresh_from_db()
    return message


def _queue_attempt(pk: int, run_after: Any = None) -> None:
    if _backend_queues_in_transaction():
        task = send_message.using(run_after=run_after) if run_after is not None else send_message
        task.enqueue(pk)
    elif run_after is None:
        transaction.on_commit(partial(send_message.enqueue, pk))
    # A backend that cannot wait (the tests' immediate one) leaves a retry to an organiser.


def _email(message: SentMessage) -> EmailMessage:
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        reply_to=[message.reply_to] if message.reply_to else None,
    )
    for attachment in message.attachments:
        email.attach(attachment["name"], attachment["content"], attachment["mimetype"])
    return email


def attempt(pk: int) -> str:
    """One attempt to send the message; returns its status afterwards.

    The claim is one UPDATE in its own transaction, so two workers never send the same
    message at once and no lock is held while the mail server is talked to.
    """
    now = timezone.now()
    claimed = (
        SentMessage.objects.filter(pk=pk, status=MessageStatus.WAITING)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - lease()))
        .update(claimed_at=now)
    )
    if not claimed:
        return SentMessage.objects.filter(pk=pk).values_list("status", flat=True).first() or ""
    message = SentMessage.objects.get(pk=pk)
    try:
        _email(message).send()
    except Exception as error:  # any failure leaves the message waiting or failed, never lost
        return _failed(message, rules.classify(error))
    SentMessage.objects.filter(pk=pk).update(
        status=MessageStatus.SENT,
        delivered=True,
        delivered_at=timezone.now(),
        attempts=message.attempts + 1,
        next_attempt_at=None,
        claimed_at=None,
    )
    return MessageStatus.SENT


@task()
def send_message(message_pk: int) -> None:
    """The outbox's task: one attempt to hand one message to the mail server."""
    attempt(message_pk)


def _failed(message: SentMessage, outcome: rules.Outcome) -> str:
    attempts = message.attempts + 1
    pause = None if outcome.permanent else rules.retry_pause(attempts, _pauses())
    logger.warning(
        "E-mail %s to %s not accepted (attempt %d): %s",
        message.pk,
        message.to,
        attempts,
        outcome.reason,
    )
    with transaction.atomic(durable=True):
        if pause is None:
            status, next_at = MessageStatus.FAILED, None
        else:
            status, next_at = MessageStatus.WAITING, timezone.now() + pause
            _queue_attempt(message.pk, run_after=next_at)
        SentMessage.objects.filter(pk=message.pk).update(
            status=status,
            attempts=attempts,
            last_error=outcome.reason[:500],
            next_attempt_at=next_at,
            claimed_at=None,
        )
    return status


def resend(message: SentMessage) -> SentMessage:
    """An organiser's "send again": the same text as a new message, queued at once."""
    return queue(
        to=message.to,
        subject=message.subject,
        body=message.body,
        edition=message.edition,
        registration_id=message.registration_id,
        reply_to=message.reply_to,
        attachments=message.attachments,
    )


# A mail task that failed on these lost its database (a restart, a failover), not its message.
DATABASE_ERRORS = (
    "django.db.utils.OperationalError",
    "django.db.utils.InterfaceError",
)


def recover_abandoned() -> int:
    """Queues again the mail tasks a dead worker left running, and those that failed because
    the database went away under them; returns how many.

    A mail task lasts seconds (`EMAIL_TIMEOUT` bounds each talk with the server); one still
    running after the lease belonged to a worker that was killed. Each such task may run
    again: it writes its messages under a `source` key and claims each before sending it.
    """
    mail = DBTaskResult.objects.filter(task_path__in=MAIL_TASKS)
    abandoned = mail.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - lease()
    ).update(status=TaskResultStatus.READY, started_at=None)
    lost_database = mail.filter(
        status=TaskResultStatus.FAILED,
        exception_class_path__in=DATABASE_ERRORS,
        enqueued_at__gt=timezone.now() - timedelta(days=1),  # not for ever
    ).update(status=TaskResultStatus.READY, started_at=None, finished_at=None)
    return abandoned + lost_database


def send_again(message: SentMessage) -> SentMessage:
    """An organiser's "send again". A waiting or failed message is tried once more at once,
    with the full schedule of retries; a sent one (the participant lost it) is sent as a copy.
    """
    if message.status == MessageStatus.SENT:
        return resend(message)
    with transaction.atomic(durable=True):
        changed = SentMessage.objects.filter(
            pk=message.pk, status__in=[MessageStatus.WAITING, MessageStatus.FAILED]
        ).update(status=MessageStatus.WAITING, attempts=0, next_attempt_at=timezone.now())
        if changed:
            _queue_attempt(message.pk)
    message.refresh_from_db()
    return message
