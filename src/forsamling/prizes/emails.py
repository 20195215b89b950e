"""E-mails to a nomination's contact person, in Danish: the private link and the receipt.

Queued as part of the service's change and sent by the task worker, exactly like the
registration's e-mails (`forsamling.registration.emails._enqueue`): the task's row is written
in the caller's transaction with the database backend, and any other backend gets it on commit.
The demo edition sends nothing, like the rest of the demo.
"""

from __future__ import annotations

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks_db import DatabaseBackend

from forsamling.prizes.models import Nomination

logger = logging.getLogger(__name__)

SUBJECTS = {
    "link": "Din kladde til indstillingen er gemt",
    "receipt": "Tak for jeres indstilling",
}


def send_link(pk: int) -> None:
    _enqueue("link", pk)


def send_receipt(pk: int) -> None:
    _enqueue("receipt", pk)


def _enqueue(kind: str, pk: int) -> None:
    from forsamling.prizes.tasks import deliver_nomination_email

    if isinstance(deliver_nomination_email.get_backend(), DatabaseBackend):
        deliver_nomination_email.enqueue(kind, pk)
    else:
        transaction.on_commit(partial(deliver_nomination_email.enqueue, kind, pk))


def deliver(kind: str, pk: int) -> None:
    """Renders and sends one message (run by the task)."""
    if kind not in SUBJECTS:
        raise ValueError(f"Unknown kind of e-mail {kind!r}")
    nomination = Nomination.objects.select_related("prize__edition").get(pk=pk)
    edition = nomination.prize.edition
    if edition.is_demo or not nomination.contact_email:
        return
    with translation.override("da"):
        body = render_to_string(
            f"prizes/email/{kind}.txt",
            {
                "nomination": nomination,
                "prize": nomination.prize,
                "edition": edition,
                "link": settings.SITE_URL + nomination.get_absolute_url(),
                "attachments": list(nomination.attachments.all()),
            },
        )
    message = EmailMessage(
        subject=f"{SUBJECTS[kind]} – {nomination.prize.name}",
        body=body,
        to=[nomination.contact_email],
        reply_to=[edition.contact_email] if edition.contact_email else None,
    )
    try:
        message.send()
    except OSError:
        # The nomination is saved; a mail server that is down must not undo it.
        logger.exception("Could not send %s for nomination %s", kind, pk)
