"""Public pages: the edition's landing page, the archive, the accessibility statement."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.conferences.queries import current_edition, demo_editions, public_edition
from forsamling.domain import edition_life
from forsamling.programme.queries import announced_programme
from forsamling.public.accessibility import KNOWN_ISSUES, SCOPE
from forsamling.registration.queries import registration_closes_at
from forsamling.registration.seats import edition_places


def next_edition(edition: Edition) -> Edition | None:
    """The next public edition after `edition` (not a demo), once it is published."""
    return (
        Edition.objects.public()
        .filter(is_demo=edition.is_demo, start_date__gt=edition.end_date)
        .order_by("start_date")
        .first()
    )


def home(request: HttpRequest) -> HttpResponse:
    edition = current_edition()
    if edition is None:
        raise Http404("No edition has been published yet")
    return _edition_page(request, edition)


def edition(request: HttpRequest, edition: str) -> HttpResponse:
    return _edition_page(request, public_edition(edition))


def _edition_page(request: HttpRequest, edition: Edition) -> HttpResponse:
    request.edition = edition  # type: ignore[attr-defined]
    now = timezone.now()
    closes_at = registration_closes_at(edition)
    places = edition_places(edition)  # None, and no query, without an overall capacity
    phase = edition_life.phase(
        now=now,
        today=timezone.localdate(now),
        opens_at=edition.registration_opens_at,
        closes_at=closes_at,
        end_date=edition.end_date,
        full=places is not None and places.is_full,
    )
    return render(
        request,
        "public/edition.html",
        {
            "edition": edition,
            "phase": phase,
            "closes_at": closes_at,
            "places": places,
            "next_edition": next_edition(edition) if phase == edition_life.Phase.OVER else None,
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
    return render(
        request,
        "public/accessibility.html",
        {"edition": current_edition(), "scope": SCOPE, "known_issues": KNOWN_ISSUES},
    )
