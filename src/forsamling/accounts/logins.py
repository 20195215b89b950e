"""Logging in without the password: a one-time link by e-mail, and the lockouts it gets round.

django-axes locks a user name from one address after repeated failures (settings, "Logins").
Whoever guesses from elsewhere does not lock the real user out; and even where the user's own
address is locked, the link lets them in: it proves the mailbox, the second factor is still
asked for on the link's page. A link works once, for LIFETIME, and only its hash is stored.

Asking for a link answers the same whatever is typed, so the page tells no one which users
exist. A request for a user with MAX_LIVE_LINKS unused links already sends nothing more: a
stranger cannot fill an organiser's mailbox, and the links they made the organiser receive
still work for the organiser.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from forsamling.accounts.models import LoginLink
from forsamling.outbox import sending

logger = logging.getLogger("forsamling.logins")

LIFETIME = timedelta(minutes=15)
MAX_LIVE_LINKS = 3
MAX_WRONG_CODES = 3


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _staff_user(identifier: str) -> Any | None:
    """The active staff user with this user name, or else this e-mail address (if only one)."""
    identifier = identifier.strip()
    if not identifier:
        return None
    staff = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    by_name = staff.filter(username__iexact=identifier).first()
    if by_name is not None:
        return by_name
    by_mail = list(staff.filter(email__iexact=identifier)[:2])
    return by_mail[0] if len(by_mail) == 1 else None


@transaction.atomic(durable=True)
def request_login_link(*, identifier: str, address: str | None) -> None:
    """E-mails a link to the staff user named (user name or e-mail address), on commit through
    the outbox; nothing for anyone else, and nothing to say which it was."""
    user = _staff_user(identifier)
    if user is None:
        return
    # The user's row, locked: two requests at once cannot both pass the count below.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    now = timezone.now()
    live = LoginLink.objects.filter(user=user, used_at=None, expires_at__gt=now).count()
    if live >= MAX_LIVE_LINKS:
        logger.warning("Login link not sent to user %s: %s unused links already", user.pk, live)
        return
    token = secrets.token_urlsafe(32)
    LoginLink.objects.create(
        user=user,
        token_hash=_hash(token),
        expires_at=now + LIFETIME,
        requested_from=address or None,
    )
    url = settings.SITE_URL + reverse("backoffice:login_link", kwargs={"token": token})
    minutes = int(LIFETIME.total_seconds() // 60)
    body = render_to_string(
        "accounts/login_link_email.txt", {"user": user, "url": url, "minutes": minutes}
    )
    sending.queue(to=user.email, subject="Log ind på Forsamling", body=body, edition=None)
    logger.info("Login link sent to user %s", user.pk)


def open_login_link(token: str) -> LoginLink | None:
    """The link, if it is unused, unexpired, not spoilt by wrong codes, for an active staff user."""
    return (
        LoginLink.objects.select_related("user")
        .filter(
            token_hash=_hash(token),
            used_at=None,
            expires_at__gt=timezone.now(),
            wrong_codes__lt=MAX_WRONG_CODES,
            user__is_active=True,
            user__is_staff=True,
        )
        .first()
    )


@transaction.atomic(durable=True)
def count_wrong_code(*, link: LoginLink) -> None:
    """A wrong code on the link's page; after MAX_WRONG_CODES the link stops working."""
    LoginLink.objects.filter(pk=link.pk).update(wrong_codes=F("wrong_codes") + 1)
    logger.warning("Wrong code on a login link for user %s", link.user_id)


@transaction.atomic(durable=True)
def use_login_link(*, link: LoginLink) -> bool:
    """Uses the link up; False if it was used (or spoilt) meanwhile: it works once."""
    used = LoginLink.objects.filter(
        pk=link.pk, used_at=None, expires_at__gt=timezone.now(), wrong_codes__lt=MAX_WRONG_CODES
    ).update(used_at=timezone.now())
    if used:
        logger.info("User %s logged in with a login link", link.user_id)
    return bool(used)


@dataclass(frozen=True)
class Lockout:
    pk: int
    username: str
    address: str
    last_attempt: datetime
    failures: int
    locked_until: datetime | None


def lockouts(*, names: frozenset[str] | None = None) -> list[Lockout]:
    """The user names locked out from an address now, most recent first; only those typed as
    one of `names` (in any case) unless it is None (`accounts.access.lockout_scope`)."""
    limit = settings.AXES_FAILURE_LIMIT
    cooloff = settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=limit)
    if cooloff:
        attempts = attempts.filter(attempt_time__gt=timezone.now() - cooloff)
    return [
        Lockout(
            pk=a.pk,
            username=a.username or "",
            address=a.ip_address or "",
            last_attempt=a.attempt_time,
            failures=a.failures_since_start,
            locked_until=a.attempt_time + cooloff if cooloff else None,
        )
        for a in attempts.order_by("-attempt_time")
        if names is None or (a.username or "").lower() in names
    ]


@transaction.atomic(durable=True)
def lift_lockout(*, attempt_id: int, by: Any, names: frozenset[str] | None = None) -> bool:
    """Lifts one lockout (forgets its failures); False if it was gone already, or is not one
    of `names`' (None: any)."""
    attempt = AccessAttempt.objects.filter(pk=attempt_id).first()
    if attempt is None or (names is not None and (attempt.username or "").lower() not in names):
        return False
    attempt.delete()
    logger.warning(
        "Lockout of %s from %s lifted by %s",
        attempt.username,
        attempt.ip_address,
        by.get_username(),
    )
    return True
