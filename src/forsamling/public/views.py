"""Public pages: the edition's landing page, the archive, the accessibility statement."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from forsamling.conferences.models import Edition
from forsamling.conferences.queries import current_edition, demo_editions, public_edition
from forsamling.programme.queries import announced_programme


def home(request: HttpRequest) -> HttpResponse:
    edition = current_edition()
    if edition is None:
        raise Http404("No edition has been published yet")
    return _edition_page(request, edition)


def edition(request: HttpRequest, edition: str) -> HttpResponse:
    return _edition_page(request, public_edition(edition))


def _edition_page(request: HttpRequest, edition: Edition) -> HttpResponse:
    request.edition = edition  # type: ignore[attr-defined]
    return render(
        request,
        "public/edition.html",
        {
            "edition": edition,
            "themes": list(edition.themes.all()),
            "announced": announced_programme(edition),
            "demo_editions": demo_editions(),
        },
    )


def archive(request: HttpRequest) -> HttpResponse:
    current = current_edition()
    editions = Edition.objects.archive().prefetch_related("themes")
    if current is not None:
        editions = editions.exclude(pk=current.pk)
    return render(request, "public/archive.html", {"editions": editions, "current": current})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "public/accessibility.html", {"edition": current_edition()})
