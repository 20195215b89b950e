"""The private link's token, and the hashes made of it.

Each invitation holds a random `nonce`; the link's token is an HMAC of it under the site's
secret, so the reminder can carry the same link without the token being stored. The
invitation is found by `invitation_hash(token)` (SHA-256); the response by
`response_key(token)`, a second HMAC. With the database alone (a backup, an export) nothing
joins a response to an invitation: that takes the site's secret key as well, and once the
survey closes the invitations (with their nonces) and the e-mails' texts are deleted, after
which nobody can.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from django.conf import settings


def new_nonce() -> str:
    return secrets.token_hex(16)


def _hmac(purpose: str, value: str) -> bytes:
    secret = f"forsamling.surveys.{purpose}:{settings.SECRET_KEY}".encode()
    return hmac.new(secret, value.encode(), hashlib.sha256).digest()


def link_token(nonce: str) -> str:
    return base64.urlsafe_b64encode(_hmac("link", nonce)).decode().rstrip("=")


def invitation_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def response_key(token: str) -> str:
    return _hmac("response", token).hex()
