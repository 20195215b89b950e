"""Reads of editions shared by the public site and the back office."""

from __future__ import annotations

from django.http import Http404

from forsamling.conferences.models import Edition


def current_edition() -> Edition | None:
    """The newest public edition that is not a demo: the one the front page presents."""
    return Edition.objects.public().filter(is_demo=False).order_by("-start_date").first()


def public_edition(slug: str) -> Edition:
    try:
        return Edition.objects.public().prefetch_related("themes").get(slug=slug)
    except Edition.DoesNotExist as exc:
        raise Http404("No such edition") from exc


def demo_editions() -> list[Edition]:
    return list(Edition.objects.public().filter(is_demo=True).order_by("-start_date"))
