"""Making and revoking API tokens: one function each, one transaction."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from forsamling.api.models import ApiToken, Scope
from forsamling.conferences.models import Edition

TOKEN_PREFIX = "fsm_"  # noqa: S105  (a marker that tells a leaked key apart, not a secret)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    key: str  # shown once, never stored


def create_token(*, edition: Edition, user: Any, label: str, scopes: Iterable[str]) -> NewToken:
    """A new token for the organiser and edition; the key is returned once and only hashed."""
    wanted = sorted({Scope(scope).value for scope in scopes})
    if not wanted:
        raise ValueError("a token needs at least one scope")
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic(durable=True):
        token = ApiToken.objects.create(
            edition=edition,
            user=user,
            label=label.strip(),
            prefix=key[: len(TOKEN_PREFIX) + 6],
            key_hash=hash_key(key),
            scopes=wanted,
        )
    return NewToken(token=token, key=key)


def revoke_token(*, token: ApiToken) -> None:
    """The token stops working at once; revoking twice keeps the first moment."""
    with transaction.atomic(durable=True):
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    token.refresh_from_db(fields=["revoked_at"])
