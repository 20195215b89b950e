"""The health endpoints and the metrics page.

/healthz and /readyz are normally answered by `middleware.RequestMiddleware` before the rest of
the stack (no session, CSRF or login work); these views are what it calls, and what the URL
configuration serves if they are reached the ordinary way.
"""

from __future__ import annotations

import hmac
from ipaddress import ip_address

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from forsamling.ops import health, metrics


@csrf_exempt
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """The process answers. Touches nothing else, not even the database."""
    response = HttpResponse("ok", content_type="text/plain; charset=utf-8")
    add_never_cache_headers(response)
    return response


@csrf_exempt
@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """Ready for traffic: the database answers, no migration is pending, the worker keeps up."""
    reasons = health.problems()
    body: dict[str, object] = (
        {"status": "unavailable", "reasons": reasons} if reasons else {"status": "ok"}
    )
    response = JsonResponse(body, status=503 if reasons else 200)
    add_never_cache_headers(response)
    return response


def may_scrape(request: HttpRequest) -> bool:
    """The bearer token (METRICS_TOKEN), or a direct connection from METRICS_ALLOWED_NETWORKS.

    A request that came through a proxy (it carries X-Forwarded-For) is never let in by its
    address: the proxy's own address may well be in an internal network.
    """
    token: str = settings.METRICS_TOKEN
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(given.strip(), token):
        return True
    networks = settings.METRICS_ALLOWED_NETWORKS
    if not networks or "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in networks)


@csrf_exempt
@require_safe
def metrics_page(request: HttpRequest) -> HttpResponse:
    """Prometheus's text format, for the monitoring only; to anyone else a page not found."""
    if not may_scrape(request):
        raise Http404
    response = HttpResponse(metrics.exposition(), content_type=metrics.CONTENT_TYPE)
    add_never_cache_headers(response)
    return response
