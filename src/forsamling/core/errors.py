"""Error pages: Danish, in the design system, with no trace; a database outage is a 503.

A database that is gone (a restart, a failover) is not a bug in the page: the visitor gets a
503 with `Retry-After` and is told that a registration they just sent may have gone through and
that reloading is safe (the form's idempotency key makes a repeated POST find the first
registration instead of making a second). Pages for errors that happen while the database is
away are rendered without the context processors, which read the database.
"""

from __future__ import annotations

import sys
from typing import Any

from django.db import DatabaseError, InterfaceError
from django.http import HttpRequest, HttpResponse
from django.template import loader

RETRY_AFTER_SECONDS = 10


def is_database_outage(error: BaseException | None) -> bool:
    """An OperationalError or InterfaceError from the driver: the server is unreachable, the
    connection was closed or is shutting down; not an error in a query of ours."""
    from django.db import OperationalError

    return isinstance(error, OperationalError | InterfaceError)


def render_error(
    request: HttpRequest | None, template: str, status: int, **context: Any
) -> HttpResponse:
    """With the request's context (menu, footer) when the database answers; without it when
    it does not. Never raises for a database error."""
    page = loader.get_template(template)
    content = None
    if request is not None and status != 503:
        try:
            content = page.render(context, request)
        except DatabaseError:
            content = None
    if content is None:
        content = page.render(context)
    return HttpResponse(content, status=status, content_type="text/html; charset=utf-8")


def database_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    response = render_error(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(request, "400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(request, "403.html", 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render_error(request, "403_csrf.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler500: a database outage becomes a 503, anything else a plain 500."""
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable(request)
    return render_error(None, "500.html", 500)
