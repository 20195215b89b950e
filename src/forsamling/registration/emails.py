"""E-mails to participants, in Danish. Services call the `send_*` functions inside their
transaction; a message is only sent for a change that was saved (see `_enqueue`). They take
ids, and the worker reads fresh rows."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import TaskContext, task
from django_tasks_db import DatabaseBackend

from forsamling.outbox import sending
from forsamling.registration.calendar import personal_calendar
from forsamling.registration.calendar_feeds import calendar_feed_for_email, webcal_url
from forsamling.registration.models import Choice, GroupBooking, Registration
from forsamling.registration.queries import personal_programme


def private_link(registration: Registration) -> str:
    path = reverse(
        "public:registration",
        kwargs={"edition": registration.edition.slug, "token": registration.token},
    )
    return f"{settings.SITE_URL}{path}"


def my_programme_path(registration: Registration) -> str:
    return reverse(
        "public:my_programme",
        kwargs={"edition": registration.edition.slug, "token": registration.token},
    )


def my_programme_url(registration: Registration) -> str:
    return f"{settings.SITE_URL}{my_programme_path(registration)}"


def _registration(pk: int) -> Registration:
    return Registration.objects.select_related("edition", "category").get(pk=pk)


def send_to_participant(
    registration: Registration,
    template: str,
    subject: str,
    context: dict[str, Any],
    *,
    attach_calendar: bool = False,
    source: str | None = None,
    send_now: bool = True,
) -> None:
    """Renders the message into the outbox and tries to send it at once (run by a worker):
    the one way to e-mail a participant about their registration, from any app, with the
    personal programme (`registration/email/<template>.txt`) and, if asked, its calendar.

    `source` names what asked for it (a task's id), so a task run again after its worker
    died writes the message once.
    """
    with translation.override("da"):
        lines = personal_programme(registration)
        body = render_to_string(
            f"registration/email/{template}.txt",
            {
                "registration": registration,
                "edition": registration.edition,
                "lines": lines,
                "link": private_link(registration),
                **context,
            },
        )
        attachments = []
        if attach_calendar:
            attachments.append(
                {
                    "name": "program.ics",
                    "content": personal_calendar(registration, lines).decode(),
                    "mimetype": "text/calendar",
                }
            )
    sending.queue(
        to=registration.email,
        subject=f"{subject} – {registration.edition.title}",
        body=body,
        edition=registration.edition,
        registration_id=registration.pk,
        reply_to=registration.edition.contact_email or "",
        attachments=attachments,
        source=source,
        send_now=send_now,
    )


def send_confirmation(pk: int, substituted: bool = False) -> None:
    _enqueue("confirmation", pk, substituted)


def send_cancellation(pk: int) -> None:
    _enqueue("cancellation", pk)


def write_cancellation(registration: Registration) -> None:
    """The cancellation's confirmation rendered now, in the caller's transaction, from the
    row as it is: an erasure anonymises the registration in the same transaction, and the
    outbox's row keeps the address until the message has gone."""
    send_to_participant(
        registration, "cancellation", "Din afmelding er modtaget", {}, send_now=False
    )


def send_promotion(choice_pk: int) -> None:
    _enqueue("promotion", choice_pk)


def send_link(pk: int) -> None:
    _enqueue("link", pk)


def send_group_link(group_pk: int) -> None:
    _enqueue("group_link", group_pk)


def send_programme_notice(registration: Registration, subject: str, changes: list[str]) -> None:
    """Tells one participant what a new programme version changed for them (run by a task)."""
    send_to_participant(
        registration, "programme_change", subject, {"changes": changes}, attach_calendar=True
    )


def _enqueue(kind: str, pk: int, substituted: bool = False) -> None:
    """Queues the message for the task worker, as part of the caller's change.

    Rendering and SMTP happen in the worker: at the opening minute a registration's answer
    must not wait for the mail server, and the "send my link" page answers equally fast
    whether or not the address is registered. With the database backend (production) the
    task's row is written in the caller's transaction, an outbox: it exists exactly when the
    change does, the worker cannot see it before the commit, and it costs no commit of its own.
    Any other backend (the tests' immediate one runs the task at once) is handed the task only
    once the transaction has committed.
    """
    if isinstance(deliver_email.get_backend(), DatabaseBackend):
        deliver_email.enqueue(kind, pk, substituted)
    else:
        transaction.on_commit(partial(deliver_email.enqueue, kind, pk, substituted))


def deliver(kind: str, pk: int, substituted: bool = False, source: str | None = None) -> None:
    """Renders and sends one message (run by the task; `source` is the task's id)."""
    if kind == "confirmation":
        subject = "Pladsen er overdraget til dig" if substituted else "Tak for din tilmelding"
        registration = _registration(pk)
        context: dict[str, Any] = {
            "substituted": substituted,
            "feed_url": webcal_url(calendar_feed_for_email(registration)),
            "my_programme": my_programme_url(registration),
        }
        send_to_participant(
            registration, "confirmation", subject, context, attach_calendar=True, source=source
        )
    elif kind == "cancellation":
        send_to_participant(
            _registration(pk), "cancellation", "Din afmelding er modtaget", {}, source=source
        )
    elif kind == "promotion":
        choice = Choice.objects.select_related("session").get(pk=pk)
        registration = _registration(choice.registration_id)
        send_to_participant(
            registration,
            "promotion",
            "Du har fået plads",
            {"choice": choice},
            attach_calendar=True,
            source=source,
        )
    elif kind == "link":
        send_to_participant(
            _registration(pk), "link", "Dit link til din tilmelding", {}, source=source
        )
    elif kind == "group_link":
        _send_group_link(pk, source)
    else:
        raise ValueError(f"Unknown kind of e-mail {kind!r}")


def _send_group_link(group_pk: int, source: str | None = None) -> None:
    """The secretary's link to the group's overview (kept, not sent, for the demo)."""
    group = GroupBooking.objects.select_related("edition").get(pk=group_pk)
    path = reverse(
        "public:registration_group", kwargs={"edition": group.edition.slug, "token": group.token}
    )
    with translation.override("da"):
        body = render_to_string(
            "registration/email/group.txt",
            {"group": group, "edition": group.edition, "link": f"{settings.SITE_URL}{path}"},
        )
    sending.queue(
        to=group.secretary_email,
        subject=f"Jeres gruppetilmelding – {group.edition.title}",
        body=body,
        edition=group.edition,
        source=source,
        send_now=True,
    )


@task(takes_context=True)
def deliver_email(context: TaskContext, kind: str, pk: int, substituted: bool = False) -> None:
    """Writes the message into the outbox and sends it; its task's id makes a rerun harmless."""
    deliver(kind, pk, substituted, source=f"task:{context.task_result.id}")
