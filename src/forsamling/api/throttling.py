"""Requests per client, counted in the database so every worker and server shares the count.

DRF's own throttles count in the cache, which is per process here (LocMemCache): with four
workers a client would get four times its limit. These count with `forsamling.core.abuse`'s counters
(one upsert per request, in the fixed window) and answer 429 with `Retry-After`: the seconds
until the window ends.
"""

from __future__ import annotations

import math
import time
from typing import Any

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle

from forsamling.api.models import ApiToken
from forsamling.core import abuse


class SharedThrottle(BaseThrottle):
    def __init__(self) -> None:
        self.retry_after: int | None = None

    def allow_request(self, request: Request, view: Any) -> bool:
        if isinstance(request.auth, ApiToken):
            key = f"api:token:{request.auth.pk}"
            limit = settings.FORSAMLING_API_RATE_PER_TOKEN
        else:
            key = f"api:network:{abuse.client_network(request._request)}"
            limit = settings.FORSAMLING_API_RATE_ANONYMOUS
        seconds = settings.FORSAMLING_API_RATE_WINDOW_SECONDS
        now = time.time()
        count = abuse.hit([key], seconds=seconds, now=now)[key]
        if count <= limit:
            return True
        self.retry_after = max(1, math.ceil(seconds - now % seconds))
        return False

    def wait(self) -> float | None:
        return self.retry_after
