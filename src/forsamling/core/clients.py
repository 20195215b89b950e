"""The client's address, the same for the login lockout and the rate limits.

Behind a proxy (`FORSAMLING_PROXY_COUNT` > 0, on with `BEHIND_TLS_PROXY`), the address is the
one the nearest trusted proxy saw: counted from the right of `X-Forwarded-For`, so a client
cannot choose its own address by sending the header itself.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    proxies = int(getattr(settings, "FORSAMLING_PROXY_COUNT", 0))
    if proxies > 0:
        hops = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(hops) >= proxies:
            return hops[-proxies]
    return str(request.META.get("REMOTE_ADDR", "") or "unknown")


def axes_client_ip(request: HttpRequest) -> str | None:
    """django-axes stores the address in an IP column: None when there is none (a test's
    force_login), never a placeholder."""
    address = client_address(request)
    return None if address == "unknown" else address
