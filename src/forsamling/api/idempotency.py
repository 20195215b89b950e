"""`Idempotency-Key` on writes: a retry gets the first answer, and the write happens once.

The key is reserved (a row, committed) before the write runs; the answer is stored on the row
after. A retry with the same key and the same body gets the stored answer; with another body,
422; while the first request still runs, 409 (try again in a moment). Keys are kept a day
per token (`KEEP`), as Stripe and pretix do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response

from forsamling.api.models import ApiToken, IdempotentRequest

HEADER = "Idempotency-Key"
KEEP = timedelta(days=1)
# A reservation still without an answer after this long belonged to a request that died (a
# worker killed mid-write); a retry may then take the key over.
ABANDONED = timedelta(minutes=5)
MAX_LENGTH = 255

IDEMPOTENCY_KEY = OpenApiParameter(
    HEADER,
    str,
    location=OpenApiParameter.HEADER,
    description=(
        "Any unique string (a UUID) per intended write. Sending the request again with the "
        "same key returns the first answer and does not write twice. Kept for 24 hours."
    ),
)


class KeyInUse(APIException):
    status_code = 409
    default_code = "idempotency_key_in_use"


class KeyReused(APIException):
    status_code = 422
    default_code = "idempotency_key_reused"


class BadKey(APIException):
    status_code = 400
    default_code = "idempotency_key_invalid"


def _fingerprint(request: Request) -> str:
    body = json.dumps(request.data, sort_keys=True, default=str)
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


def once(request: Request, token: ApiToken, write: Callable[[], Response]) -> Response:
    """Runs `write` once per idempotency key (or every time without one)."""
    key = request.headers.get(HEADER)
    if key is None:
        return write()
    key = key.strip()
    if not key or len(key) > MAX_LENGTH or not key.isprintable():
        raise BadKey(_("Idempotency-Key skal være 1 til 255 tegn."))
    fingerprint = _fingerprint(request)
    row = _reserve(token, key, fingerprint)
    if row is None:
        return _replay(token, key, fingerprint)
    try:
        response = write()
    except Exception:
        # Nothing was answered: the key is free again for a retry.
        IdempotentRequest.objects.filter(pk=row.pk).delete()
        raise
    IdempotentRequest.objects.filter(pk=row.pk).update(
        status=response.status_code, body=response.data
    )
    return response


def _reserve(token: ApiToken, key: str, fingerprint: str) -> IdempotentRequest | None:
    """The key's new row, or None when another request holds it."""
    now = timezone.now()
    try:
        with transaction.atomic(durable=True):
            IdempotentRequest.objects.filter(token=token, created_at__lt=now - KEEP).delete()
            IdempotentRequest.objects.filter(
                token=token, key=key, status__isnull=True, created_at__lt=now - ABANDONED
            ).delete()
            return IdempotentRequest.objects.create(token=token, key=key, fingerprint=fingerprint)
    except IntegrityError:
        return None


def _replay(token: ApiToken, key: str, fingerprint: str) -> Response:
    row = IdempotentRequest.objects.filter(token=token, key=key).first()
    if row is None:  # the first request failed and freed the key just now
        raise KeyInUse(_("Den første forespørgsel med denne Idempotency-Key er ikke færdig endnu."))
    if row.status is None:
        raise KeyInUse(_("Den første forespørgsel med denne Idempotency-Key er ikke færdig endnu."))
    if row.fingerprint != fingerprint:
        raise KeyReused(_("Denne Idempotency-Key er allerede brugt til en anden forespørgsel."))
    response = Response(row.body, status=row.status)
    response["Idempotent-Replayed"] = "true"
    return response
