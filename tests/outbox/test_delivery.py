"""E-mail is never lost: marked sent only when a real SMTP server accepted it, retried after
temporary failures, recorded when refused for good; through django-tasks' database worker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from forsamling.outbox import sending
from forsamling.outbox.models import MessageStatus, SentMessage
from forsamling.registration.models import Registration
from forsamling.registration.services import register_participant
from tests.registration.conftest import details, edition  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def register(edition, n: int) -> Registration:  # noqa: F811
    return register_participant(
        edition=edition,
        idempotency_key=f"key-{n}",
        details=details(name=f"Deltager Nummer{n}", email=f"deltager{n}@aalborg.dk"),
        category=edition.official,
        sessions=[edition.big_theme],
    ).registration


def run_worker() -> None:
    call_command("db_worker", batch=True, verbosity=0, startup_delay=False)


def time_passes() -> None:
    """The pause before the next attempt is over (the worker picks up what is due)."""
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_fifty_registrations_while_the_mail_server_is_down_each_arrive_once(
    edition,  # noqa: F811
    mail_server,
):
    """Server down → 50 registrations → server up → exactly 50 messages arrive, each once."""
    for n in range(50):
        register(edition, n)
    run_worker()  # every attempt is refused: nothing is marked sent
    assert SentMessage.objects.filter(status=MessageStatus.WAITING).count() == 50
    assert not SentMessage.objects.filter(delivered=True).exists()
    waiting = SentMessage.objects.first()
    assert waiting.attempts == 1 and waiting.last_error
    assert waiting.next_attempt_at > timezone.now() + timedelta(seconds=30)

    mail_server.start()
    run_worker()  # the retries are not due yet
    assert mail_server.handler.messages == []
    time_passes()
    run_worker()
    run_worker()  # nothing is left to send, nothing is sent again
    recipients = mail_server.handler.recipients()
    assert len(recipients) == 50
    assert sorted(recipients) == sorted(f"deltager{n}@aalborg.dk" for n in range(50))
    assert SentMessage.objects.filter(status=MessageStatus.SENT, delivered=True).count() == 50
    subjects = {str(m["Subject"]).strip() for m in mail_server.handler.messages}
    assert subjects == {f"Tak for din tilmelding – {edition.title}"}, subjects


def test_a_temporary_4xx_is_retried_and_then_sent(edition, mail_server):  # noqa: F811
    mail_server.start()
    mail_server.handler.temporary.extend(["451 4.3.0 Try again later"] * 2)
    register(edition, 1)
    run_worker()
    message = SentMessage.objects.get()
    assert (message.status, message.attempts) == (MessageStatus.WAITING, 1)
    assert "451" in message.last_error
    time_passes()
    run_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.WAITING, 2)
    pause_after_two = message.next_attempt_at - timezone.now()
    assert pause_after_two > timedelta(minutes=4)  # the pauses grow
    time_passes()
    run_worker()
    message.refresh_from_db()
    assert (message.status, message.attempts, message.delivered) == (MessageStatus.SENT, 3, True)
    assert mail_server.handler.recipients() == ["deltager1@aalborg.dk"]


def test_a_permanent_5xx_for_the_address_is_recorded_and_not_retried(
    edition,  # noqa: F811
    mail_server,
):
    mail_server.start()
    mail_server.handler.refuse["deltager1@aalborg.dk"] = "550 5.1.1 No such user here"
    register(edition, 1)
    register(edition, 2)
    run_worker()
    refused = SentMessage.objects.get(to="deltager1@aalborg.dk")
    assert refused.status == MessageStatus.FAILED and not refused.delivered
    assert "550 5.1.1 No such user here" in refused.last_error
    assert refused.next_attempt_at is None
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    assert mail_server.handler.recipients() == ["deltager2@aalborg.dk"]


def test_nothing_is_retried_forever(edition, mail_server):  # noqa: F811
    """The server stays down: after the last pause (about a day in all) the message fails."""
    register(edition, 1)
    for _ in range(20):
        run_worker()
        time_passes()
    message = SentMessage.objects.get()
    assert message.status == MessageStatus.FAILED and message.attempts == 10
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_a_confirmation_whose_worker_died_is_sent_after_the_lease(
    edition,  # noqa: F811
    mail_server,
    settings,
):
    """A worker killed after claiming the task leaves it running; the next worker queues it
    again once the lease is over, and the message is sent (never zero)."""
    mail_server.start()
    register(edition, 1)
    task = DBTaskResult.objects.get()
    task.claim("a-worker-that-was-killed")
    run_worker()
    assert mail_server.handler.messages == []  # still "running" on the dead worker
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - timedelta(seconds=settings.EMAIL_RECOVERY_AFTER + 1)
    )
    run_worker()
    assert mail_server.handler.recipients() == ["deltager1@aalborg.dk"]
    assert SentMessage.objects.get().status == MessageStatus.SENT


def test_a_worker_killed_between_sending_and_marking_sends_it_again_once(
    edition,  # noqa: F811
    mail_server,
    settings,
):
    """The documented case: sent, not marked (the worker died); after the lease it is sent a
    second time and then marked: twice, never zero, never more."""
    mail_server.start()
    register(edition, 1)
    run_worker()
    lease_ago = timezone.now() - timedelta(seconds=settings.EMAIL_RECOVERY_AFTER + 1)
    # As the dead worker left things: the message claimed and unmarked, its task running.
    SentMessage.objects.update(status=MessageStatus.WAITING, delivered=False, claimed_at=lease_ago)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=lease_ago)
    run_worker()
    run_worker()
    assert mail_server.handler.recipients() == ["deltager1@aalborg.dk"] * 2
    assert SentMessage.objects.get().status == MessageStatus.SENT


def test_two_claims_of_one_message_send_it_once(edition, mail_server):  # noqa: F811
    """A task queued twice for one message (a recovery, a resend click) sends it once."""
    mail_server.start()
    message = sending.queue(to="a@aalborg.dk", subject="s", body="b", edition=edition)
    sending.attempt(message.pk)
    sending.attempt(message.pk)
    run_worker()
    assert mail_server.handler.recipients() == ["a@aalborg.dk"]


def test_a_confirmation_task_that_lost_its_database_is_run_again(
    edition,  # noqa: F811
    mail_server,
):
    """PostgreSQL restarted under a running task: django-tasks marks it failed; the worker
    queues it again (the database error was not the message's), and the message is sent."""
    mail_server.start()
    register(edition, 1)
    DBTaskResult.objects.update(
        status=TaskResultStatus.FAILED,
        exception_class_path="django.db.utils.OperationalError",
        finished_at=timezone.now(),
    )
    assert sending.recover_abandoned() == 1
    run_worker()
    assert mail_server.handler.recipients() == ["deltager1@aalborg.dk"]
    DBTaskResult.objects.update(status=TaskResultStatus.FAILED, exception_class_path="x.Bug")
    assert sending.recover_abandoned() == 0  # a bug is not retried for ever
