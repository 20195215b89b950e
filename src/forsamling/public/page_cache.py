"""A one-second cache of whole public pages, for the crowd before registration opens.

At 10.00 thousands of people reload the programme and the registration form. Both pages are
the same for every anonymous visitor except for three values: the CSRF token (masked per visitor,
tied to their cookie), the form's idempotency key (new for every form) and the proof of work's
challenge (new for every form, priced for the visitor's network). This middleware keeps
each listed page's HTML for `PUBLIC_PAGE_CACHE_SECONDS` (per process, per path and language)
with those values cut out, and fills them in fresh for every visitor. Seat counts on the
form are therefore at most that old. Visitors with a session (organisers logged in) or with
messages waiting always get a freshly rendered page, which is not kept. It sits right after
`CsrfViewMiddleware`, which sets the CSRF cookie.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape

from forsamling.core.templatetags.proof_of_work import served_challenge
from forsamling.registration.forms import new_idempotency_key

# Views whose whole page may be shared between anonymous visitors.
CACHED_VIEWS = frozenset({"public:programme", "public:register"})
# The hidden values that must differ per visitor, and how to make a fresh one.
CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
FRESH_INPUTS: dict[bytes, Callable[[], str]] = {
    b"idempotency_key": new_idempotency_key,
}
# The proof of work's first challenge (`core.templatetags.proof_of_work`), per visitor: priced for
# their network now, for the form its widget names.
CHALLENGE = re.compile(
    rb'challengeurl="[^"]*[?&;]form=([\w-]+)"[^>]*?challengejson="([^"]*)"', re.DOTALL
)
MAX_ENTRIES = 256
# The form is `never_cache` for browsers and proxies (it carries a per-visitor key); this cache
# is on the server and cuts those values out, and the served copy keeps the headers.
KEPT_HEADERS = ("Content-Type", "X-Frame-Options", "Content-Language", "Cache-Control", "Expires")

Page = tuple[float, list[bytes | Callable[[HttpRequest], str]], list[tuple[str, str]]]


class PublicPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.pages: dict[tuple[str, str, str], Page] = {}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None:
            page = _cut(response, time.monotonic() + settings.PUBLIC_PAGE_CACHE_SECONDS)
            if page is not None:
                if len(self.pages) >= MAX_ENTRIES:
                    self.pages.clear()
                self.pages[key] = page
        return response

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if (
            getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 0) <= 0
            or request.method != "GET"
            or match is None
            or match.view_name not in CACHED_VIEWS
            or any(name in request.COOKIES for name in _personal_cookies())
        ):
            return None
        key = (match.view_name, request.get_full_path(), getattr(request, "LANGUAGE_CODE", ""))
        page = self.pages.get(key)
        if page is not None and page[0] > time.monotonic():
            return _serve(request, page)
        request._page_cache_key = key  # type: ignore[attr-defined]
        return None


def _personal_cookies() -> tuple[str, ...]:
    """Cookies that make a page the visitor's own: a session (a logged-in organiser) and
    messages waiting to be shown (base.html shows them on whatever page comes next)."""
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def _cut(response: HttpResponse, expires: float) -> Page | None:
    """The page with its per-visitor values cut out, or None if it must not be shared."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or not response.get("Content-Type", "").startswith("text/html")
    ):
        return None
    content = response.content
    spans: list[tuple[int, int, Callable[[HttpRequest], str]]] = []
    for found in CSRF_INPUT.finditer(content):
        spans.append((found.start(1), found.end(1), get_token))
    for found in CHALLENGE.finditer(content):
        spans.append((found.start(2), found.end(2), _challenge(found[1].decode())))
    for name, make in FRESH_INPUTS.items():
        pattern = re.compile(rb'name="' + re.escape(name) + rb'" value="([^"]+)"')
        for found in pattern.finditer(content):
            spans.append((found.start(1), found.end(1), _fresh(make)))
    parts: list[bytes | Callable[[HttpRequest], str]] = []
    position = 0
    for start, end, fill in sorted(spans, key=lambda span: span[0]):
        parts += [content[position:start], fill]
        position = end
    parts.append(content[position:])
    headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
    return expires, parts, headers


def _fresh(make: Callable[[], str]) -> Callable[[HttpRequest], str]:
    return lambda request: make()


def _challenge(form: str) -> Callable[[HttpRequest], str]:
    return lambda request: escape(served_challenge(request, form))


def _serve(request: HttpRequest, page: Page) -> HttpResponse:
    _expires, parts, headers = page
    values: dict[Any, str] = {}
    chunks = []
    for part in parts:
        if isinstance(part, bytes):
            chunks.append(part)
        else:
            # One value per kind per page: a page's CSRF inputs all carry the same token.
            if part not in values:
                values[part] = part(request)
            chunks.append(values[part].encode())
    response = HttpResponse(b"".join(chunks))
    for name, value in headers:
        response[name] = value
    return response
