"""The Danish page django-axes shows a user name locked out from an address (AXES_LOCKOUT_CALLABLE),
and the log line that says so."""

from __future__ import annotations

import logging
import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from forsamling.core.abuse import client_address

logger = logging.getLogger("forsamling.logins")


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    username = request.POST.get("username", "") if request.method == "POST" else ""
    logger.warning(
        "Login refused: user name %r locked out from %s", username[:150], client_address(request)
    )
    cooloff = settings.AXES_COOLOFF_TIME
    minutes = math.ceil(cooloff.total_seconds() / 60) if cooloff else None
    response = render(
        request,
        "backoffice/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes},
        status=429,
    )
    if cooloff:
        response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response
