"""E-mail to a group of participants: who is in the group, a test to oneself, the send-out.

`send_mailing` is the state change (the mailing saved, its task queued on commit);
`deliver` runs in the worker and puts every recipient's message into the outbox, which
sends it and records whether the mail server took it. The mailing and its deliveries are
the outbox's rows (`outbox.Mailing`, `outbox.Delivery`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from forsamling.conferences.models import Edition
from forsamling.outbox import sending
from forsamling.outbox.models import Delivery, Mailing
from forsamling.programme.models import Session
from forsamling.registration.models import (
    Category,
    ChoiceStatus,
    Registration,
    Status,
)

logger = logging.getLogger(__name__)

EVERYONE, DINNER = "all", "dinner"
SESSION, WAITING, CATEGORY = "session", "waiting", "category"


class UnknownAudience(Exception):
    pass


@dataclass(frozen=True)
class Audience:
    key: str
    label: str


def audiences(edition: Edition) -> list[Audience]:
    """The groups an organiser can write to (two queries)."""
    options = [
        Audience(EVERYONE, _("Alle tilmeldte")),
        Audience(DINNER, _("Alle tilmeldte til middagen")),
    ]
    for category in Category.objects.filter(edition=edition):
        label = _("Kategori: %(name)s") % {"name": category.name}
        options.append(Audience(f"{CATEGORY}:{category.pk}", label))
    sessions = Session.objects.filter(slot__edition=edition).order_by(
        "slot__starts_at", "order", "number", "id"
    )
    for session in sessions:
        label = _("Deltagere i %(session)s") % {"session": session}
        options.append(Audience(f"{SESSION}:{session.pk}", label))
        label = _("Venteliste til %(session)s") % {"session": session}
        options.append(Audience(f"{WAITING}:{session.pk}", label))
    return options


def recipients(edition: Edition, audience: str) -> QuerySet[Registration]:
    """The active registrations in the group, by name."""
    active = Registration.objects.filter(edition=edition, status=Status.ACTIVE)
    kind, _sep, ident = audience.partition(":")
    if kind == EVERYONE and not ident:
        return active.order_by("name", "id")
    if kind == DINNER and not ident:
        return active.filter(dinner=True).order_by("name", "id")
    if not ident.isdigit():
        raise UnknownAudience(audience)
    if kind == CATEGORY:
        return active.filter(category_id=int(ident)).order_by("name", "id")
    if kind in {SESSION, WAITING}:
        status = ChoiceStatus.CONFIRMED if kind == SESSION else ChoiceStatus.WAITING
        return (
            active.filter(choices__session_id=int(ident), choices__status=status)
            .distinct()
            .order_by("name", "id")
        )
    raise UnknownAudience(audience)


def personalised(text: str, registration: Registration | None) -> str:
    """Replaces {navn} with the participant's name; other braces are left as written."""
    return text.replace("{navn}", registration.name if registration else _("(navn)"))


def email_footer(edition: Edition) -> str:
    """The line every mailing's message ends with: where the edition's privacy notice is."""
    path = reverse("public:privacy_notice", kwargs={"edition": edition.slug})
    return f"\n\nSådan behandler vi dine personoplysninger: {settings.SITE_URL}{path}\n"


def send_test(*, edition: Edition, subject: str, body: str, to: str) -> bool:
    """A copy to the organiser, marked as a test; True if the mail server took it."""
    message = EmailMessage(
        subject=f"[{_('TEST')}] {subject}",
        body=personalised(body, None),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[edition.contact_email] if edition.contact_email else None,
    )
    try:
        return message.send() == 1
    except Exception:
        logger.exception("Test message to %s failed", to)
        return False


def send_mailing(
    *, edition: Edition, audience: str, audience_label: str, subject: str, body: str, user: Any
) -> Mailing:
    recipients(edition, audience)  # raises UnknownAudience before anything is saved
    with transaction.atomic(durable=True):
        mailing = Mailing.objects.create(
            edition=edition,
            audience=audience,
            audience_label=audience_label,
            subject=subject,
            body=body,
            created_by=user,
        )
        transaction.on_commit(partial(send_mailing_task.enqueue, mailing.pk))
    return mailing


def deliver(mailing_id: int) -> None:
    """Puts one message to everyone in the group who has not had it yet into the outbox.

    One transaction: run again (its worker died), it writes each recipient's message once.
    Sending, retrying and recording what the mail server said is the outbox's work.
    """
    mailing = Mailing.objects.select_related("edition").get(pk=mailing_id)
    reply_to = mailing.edition.contact_email or ""
    with transaction.atomic(durable=True):
        done = set(mailing.deliveries.values_list("registration_id", flat=True))
        for registration in recipients(mailing.edition, mailing.audience).exclude(pk__in=done):
            message = sending.queue(
                to=registration.email,
                subject=mailing.subject,
                body=personalised(mailing.body, registration) + email_footer(mailing.edition),
                edition=mailing.edition,
                registration_id=registration.pk,
                reply_to=reply_to,
            )
            Delivery.objects.create(
                mailing=mailing, registration=registration, to=registration.email, message=message
            )
        mailing.finished_at = timezone.now()
        mailing.save(update_fields=["finished_at"])


@task()
def send_mailing_task(mailing_id: int) -> None:
    """`deliver` in the background worker (`manage.py db_worker`)."""
    deliver(mailing_id)
