"""E-mails to a nomination's contact person, in Danish: the private link and the receipt.

Written into the outbox (`forsamling.outbox.sending.queue`) as part of the service's change,
like every e-mail the site sends: it exists exactly when the change does, and the worker
sends it, retries a mail server that is down and records one that refuses it. The demo
edition's messages are kept and never sent.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from forsamling.outbox import sending
from forsamling.prizes.models import Nomination

SUBJECTS = {
    "link": "Din kladde til indstillingen er gemt",
    "receipt": "Tak for jeres indstilling",
}


def send_link(pk: int) -> None:
    _enqueue("link", pk)


def send_receipt(pk: int) -> None:
    _enqueue("receipt", pk)


def _enqueue(kind: str, pk: int) -> None:
    if kind not in SUBJECTS:
        raise ValueError(f"Unknown kind of e-mail {kind!r}")
    nomination = Nomination.objects.select_related("prize__edition").get(pk=pk)
    edition = nomination.prize.edition
    if not nomination.contact_email:
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
    sending.queue(
        to=nomination.contact_email,
        subject=f"{SUBJECTS[kind]} – {nomination.prize.name}",
        body=body,
        edition=edition,
        reply_to=edition.contact_email or "",
    )
