"""Issuing and redeeming staff enrolment links; each a single transaction, its e-mail written
into the outbox in it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from forsamling.accounts.models import StaffEnrolment
from forsamling.outbox import sending

LIFETIME = timedelta(hours=72)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def enrolment_url(token: str) -> str:
    return settings.SITE_URL + reverse("backoffice:enrol", kwargs={"token": token})


@transaction.atomic(durable=True)
def issue_enrolment(*, user: Any, by: Any | None) -> str:
    """A new link for the user (earlier unused ones stop working), e-mailed on commit.
    Returns the link, for an organiser who hands it over in person."""
    now = timezone.now()
    StaffEnrolment.objects.filter(user=user, used_at=None, revoked_at=None).update(revoked_at=now)
    # A new link, a new seed: whoever saw the QR code of an earlier link cannot use it.
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    token = secrets.token_urlsafe(32)
    StaffEnrolment.objects.create(
        user=user, token_hash=_hash(token), expires_at=now + LIFETIME, created_by=by
    )
    url = enrolment_url(token)
    if user.email:
        body = render_to_string(
            "accounts/enrolment_email.txt", {"user": user, "url": url, "hours": 72}
        )
        # Through the outbox, in this transaction: sent by the worker, retried if the mail
        # server is down, never lost.
        sending.queue(
            to=user.email, subject="Sæt to-trins-login op til Forsamling", body=body, edition=None
        )
    return url


def open_enrolment(token: str) -> StaffEnrolment | None:
    """The enrolment the link is for, if it is unused, not revoked and not expired."""
    return (
        StaffEnrolment.objects.select_related("user")
        .filter(
            token_hash=_hash(token),
            used_at=None,
            revoked_at=None,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )


def enrolment_device(enrolment: StaffEnrolment) -> TOTPDevice:
    """The unconfirmed device shown as a QR code on the link's page (one per user; a new
    link deletes the old one, so each link has its own seed)."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=enrolment.user, confirmed=False, defaults={"name": "Godkenderapp"}
    )
    return device


@transaction.atomic(durable=True)
def complete_enrolment(*, enrolment: StaffEnrolment, device: TOTPDevice) -> bool:
    """Confirms the device and uses up the link; False if the link was used meanwhile."""
    used = StaffEnrolment.objects.filter(pk=enrolment.pk, used_at=None, revoked_at=None).update(
        used_at=timezone.now()
    )
    if not used:
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True
