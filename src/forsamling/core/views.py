"""The proof-of-work challenge the registration forms' widget fetches."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from forsamling.core.proof_of_work import new_challenge


@never_cache
@require_GET
def challenge(request: HttpRequest) -> JsonResponse:
    """A fresh signed challenge; no database, one HMAC."""
    return JsonResponse(new_challenge())
