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
    domain the form has typed so far, `?domain=`) costs now; one HMAC, and one SELECT of the
    counts unless this process read them less than a second ago for the same network and
    domain (`served`, as the form pages' own challenges: at 10.00 a municipality's councillors
    ask from one gateway for one domain). The POST's check reads the counts afresh."""
    domain = request.GET.get("domain", "").strip().lower()[:253]
    form = request.GET.get("form", "")
    return JsonResponse(abuse.challenge(request, form=form, domain=domain, served=True))
