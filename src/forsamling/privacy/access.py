"""'Få dine data': a one-time link by e-mail for anyone the site may hold data about, with or
without a registration of their own (a group's secretary, an exhibitor's contact, stand staff,
a nominator).

The answer to a request is the same whatever the address (no one learns whether an address
is known); a link is only mailed to an address the site holds data about. The link works for
an hour, shows the export and offers the erasure; an erasure ends it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from forsamling.conferences.models import Edition
from forsamling.exhibitors.models import Exhibitor, StandStaff
from forsamling.outbox import sending
from forsamling.outbox.models import SentMessage
from forsamling.privacy import erasure, services
from forsamling.privacy.models import AccessLink, DataRequest, RequestKind, RequestOutcome
from forsamling.prizes.models import Nomination
from forsamling.registration.models import GroupBooking, Registration, Status

LIFETIME = timedelta(hours=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def is_known(email: str) -> bool:
    """Whether any store holds this address (a few indexed lookups, the same for everyone)."""
    email = email.strip()
    return (
        Registration.objects.filter(email__iexact=email).exists()
        or GroupBooking.objects.filter(secretary_email__iexact=email).exists()
        or Exhibitor.objects.filter(contact_email__iexact=email).exists()
        or StandStaff.objects.filter(email__iexact=email).exists()
        or Nomination.objects.filter(contact_email__iexact=email).exists()
        or SentMessage.objects.filter(to__iexact=email).exists()
    )


def request_link(*, edition: Edition, email: str) -> None:
    """Mails a link if the address is known; does nothing visible otherwise."""
    email = email.strip()
    if not is_known(email):
        return
    token = secrets.token_urlsafe(32)
    path = reverse("public:privacy_access_data", kwargs={"edition": edition.slug, "token": token})
    with translation.override("da"):
        body = render_to_string(
            "privacy/email/access_link.txt",
            {"edition": edition, "link": f"{settings.SITE_URL}{path}"},
        )
    with transaction.atomic(durable=True):
        AccessLink.objects.create(
            email=email, token_hash=_hash(token), expires_at=timezone.now() + LIFETIME
        )
        sending.queue(
            to=email,
            subject=f"Dine oplysninger – {edition.title}",
            body=body,
            edition=edition,
            reply_to=edition.contact_email or "",
        )


def email_of(token: str, now: datetime | None = None) -> str | None:
    """The address a link was sent to, while it works."""
    link = AccessLink.objects.filter(
        token_hash=_hash(token), expires_at__gt=now or timezone.now(), used_at__isnull=True
    ).first()
    return link.email if link else None


def erase_by_link(*, edition: Edition, token: str) -> bool:
    """Erases everything held under the link's address: each active registration as its own
    erasure (cancelled first before its conference), then every other store. False if the
    link no longer works."""
    email = email_of(token)
    if email is None:
        return False
    for registration in Registration.objects.filter(
        email__iexact=email, status=Status.ACTIVE
    ).select_related("edition", "category"):
        services.request_erasure(registration=registration)
    now = timezone.now()
    with transaction.atomic(durable=True):
        erasure.erase_person(erasure.person_by_email(email), now)
        DataRequest.objects.create(
            edition=edition,
            kind=RequestKind.ERASURE,
            outcome=RequestOutcome.ANONYMISED,
            at=now,
            anonymised_at=now,
        )
    return True


def record_export(*, edition: Edition, kind: str) -> None:
    DataRequest.objects.create(
        edition=edition, kind=kind, outcome=RequestOutcome.EXPORTED, at=timezone.now()
    )


def delete_expired(now: datetime) -> int:
    deleted, _ = AccessLink.objects.filter(
        Q(expires_at__lte=now) | Q(used_at__isnull=False)
    ).delete()
    return deleted
