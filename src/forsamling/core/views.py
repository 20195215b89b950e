"""The proof-of-work challenge the forms' widget fetches."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from forsamling.core import abuse


@never_cache
@require_GET
def challenge(request: HttpRequest) -> JsonResponse:
    """A fresh signed challenge costing what the next form from this network (and the e-mail
    domain the form has typed so far, `?domain=`) costs now; one SELECT, one HMAC."""
    domain = request.GET.get("domain", "").strip().lower()[:253]
    return JsonResponse(abuse.challenge(request, form=request.GET.get("form", ""), domain=domain))
