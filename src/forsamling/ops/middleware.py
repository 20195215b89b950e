"""The outermost middleware: a request id, the request metrics, the access log, and the health
endpoints answered before the rest of the stack.

- The request id is the proxy's X-Request-ID when it looks like one, else a new UUID. It is set
  for the request's log lines (`logs.request_id`), returned in the X-Request-ID header and, when
  error reporting is on, tagged on Sentry's events.
- /healthz and /readyz are answered here, without sessions, CSRF, login or locale work, and
  before the HTTPS redirect (a load balancer's probe speaks plain HTTP to the server). The Host
  header is still checked against ALLOWED_HOSTS; a wrong one gets the usual 400.
- Every request is counted (`metrics.observe`); every one except the health and metrics pages
  gets one access log line: method, path (without the query string, tokens redacted), status,
  duration and request id. No client address.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

import sentry_sdk
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

from forsamling.ops import logs, metrics, views
from forsamling.privacy.redact import redact

access_log = logging.getLogger("forsamling.access")

REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,127}")
HEALTH: dict[str, tuple[str, Callable[[HttpRequest], HttpResponse]]] = {
    "/healthz": ("ops:healthz", views.healthz),
    "/readyz": ("ops:readyz", views.readyz),
}
QUIET = frozenset({"/healthz", "/readyz", "/metrics"})


def request_id_of(request: HttpRequest) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if REQUEST_ID.fullmatch(given) else str(uuid.uuid4())


def route_of(request: HttpRequest) -> str:
    """The URL's name, a bounded set of labels (never the path: it holds private tokens)."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name or "unnamed"
    if request.path_info.startswith(settings.STATIC_URL):
        return "static"
    return "unmatched"


class RequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = request_id_of(request)
        # Kept until the request is finished (`logs.request_finished`): Django logs a 4xx or 5xx
        # answer ("Not Found: …") after the last middleware has returned it.
        logs.request_id.set(rid)
        start = time.perf_counter()
        if sentry_sdk.get_client().is_active():
            sentry_sdk.get_isolation_scope().set_tag("request_id", rid)
        route, response = self._health(request)
        if response is None:
            try:
                response = self.get_response(request)
            except BaseException:
                # Django turns errors into answers below; only a failing error page (or a
                # worker being stopped) ends up here, and the server answers 500.
                self._record(request, route_of(request), 500, start)
                raise
            route = route_of(request)
        response.headers["X-Request-ID"] = rid
        self._record(request, route, response.status_code, start)
        return response

    def _record(self, request: HttpRequest, route: str, status: int, start: float) -> None:
        seconds = time.perf_counter() - start
        metrics.observe(method=request.method or "", route=route, status=status, seconds=seconds)
        if request.path_info not in QUIET:
            self._log(request, status, seconds)

    def _health(self, request: HttpRequest) -> tuple[str, HttpResponse | None]:
        answer = HEALTH.get(request.path_info)
        if answer is None:
            return "", None
        try:
            request.get_host()
        except DisallowedHost:
            return "", None  # the stack below answers 400, as for any page
        route, view = answer
        response = view(request)
        # A probe's 503 is its answer, not an error for the log (nor for Sentry's log capture).
        response._has_been_logged = True  # type: ignore[attr-defined]
        return route, response

    def _log(self, request: HttpRequest, status: int, seconds: float) -> None:
        path = redact(request.path)
        milliseconds = round(seconds * 1000, 1)
        access_log.info(
            "%s %s %s %.1fms",
            request.method,
            path,
            status,
            milliseconds,
            extra={
                "method": request.method,
                "path": path,
                "status": status,
                "duration_ms": milliseconds,
            },
        )
