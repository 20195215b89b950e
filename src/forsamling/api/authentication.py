"""`Authorization: Bearer <token>` (or `Token <token>`, as pretix and pretalx write it)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from forsamling.api.models import ApiToken
from forsamling.api.services import hash_key

KEYWORDS = (b"bearer", b"token")
# `last_used_at` is written at most this often per token, not on every request.
TOUCH_EVERY = timedelta(minutes=1)


class TokenAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Skriv nøglen efter Bearer, adskilt af ét mellemrum."))
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("Nøglen er ugyldig eller tilbagekaldt.")) from None
        token = (
            ApiToken.objects.select_related("user", "edition")
            .filter(key_hash=hash_key(key))
            .first()
        )
        if token is None or not token.is_active or not token.user.is_active:
            raise AuthenticationFailed(_("Nøglen er ugyldig eller tilbagekaldt."))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'
