"""Response headers that keep private pages out of caches, and the Permissions-Policy.

The Content-Security-Policy itself comes from django-csp (settings.CONTENT_SECURITY_POLICY);
this module adds `Cache-Control: no-store` where a page must never be kept by a browser, a
proxy or the back button of a shared computer: every back-office page and download, and every
page reached by a private link (a `token` in its URL: a registration, a group booking, an
exhibitor's booking, the ranking page).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from forsamling.core.errors import render_error

BACK_OFFICE = "/backoffice/"


def is_private(request: HttpRequest) -> bool:
    if request.path.startswith(BACK_OFFICE):
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and "token" in match.kwargs


class NoStoreMiddleware:
    """`Cache-Control: no-store` (with Django's never-cache headers) on private pages, and the
    Danish page for a 405 (Django's is empty)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            # require_POST's empty answer: the Danish page, with the Allow header kept.
            allow = response.headers.get("Allow", "")
            response = render_error(request, "405.html", 405)
            response["Allow"] = allow
        if is_private(request):
            add_never_cache_headers(response)
        # XFrameOptionsMiddleware sits low in the stack and misses answers made above it (a
        # refused Host header); the policy's frame-ancestors covers them, this old browsers.
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response


def permissions_policy(request: HttpRequest) -> str:
    """settings.PERMISSIONS_POLICY as a header; the camera on the pages that scan badges."""
    features = dict(settings.PERMISSIONS_POLICY)
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in settings.PERMISSIONS_POLICY_CAMERA_VIEWS:
        features["camera"] = ["self"]
    return ", ".join(f"{name}=({' '.join(allowed)})" for name, allowed in features.items())


class PermissionsPolicyMiddleware:
    """`Permissions-Policy` on every answer, error pages too: a page can use no powerful
    feature unless the policy names it (an injected script could not turn on the camera)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", permissions_policy(request))
        return response
