"""The edition a public page is about, looked up once and remembered on the request.

The request carries it so the menu and the footer (core.context_processors) speak of the same
edition as the page.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from forsamling.conferences.models import Edition
from forsamling.conferences.queries import public_edition
from forsamling.core.recent import recent


def page_edition(request: HttpRequest, slug: str, *, with_themes: bool = True) -> Edition:
    """The public edition for `slug` (404 otherwise), read at most a second ago (see
    `forsamling.core.recent`); `with_themes=False` saves the themes' query on pages that
    never show them."""
    edition = recent(("public-edition", slug, with_themes), lambda: _read(slug, with_themes))
    request.edition = edition  # type: ignore[attr-defined]
    return edition


def _read(slug: str, with_themes: bool) -> Edition:
    if with_themes:
        return public_edition(slug)
    try:
        return Edition.objects.public().get(slug=slug)
    except Edition.DoesNotExist as exc:
        raise Http404("No such edition") from exc
