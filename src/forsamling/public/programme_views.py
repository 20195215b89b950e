"""The published programme: timetable, sessions, speakers, and what changed between versions.

Every page reads one edition and one published version (its JSON snapshot), so the number of
queries does not grow with the programme.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from forsamling.conferences.models import Edition
from forsamling.domain.programme import Programme, programme_from_snapshot
from forsamling.domain.programme_timetable import Filters, filter_choices, timetable
from forsamling.prizes.queries import programme_links
from forsamling.programme.models import ProgrammeVersion
from forsamling.programme.queries import current_version, version_history
from forsamling.public.editions import page_edition
from forsamling.public.templatetags.programme import kind_label
from forsamling.speakers.queries import confirmed_record


def published_programme(
    request: HttpRequest, slug: str
) -> tuple[Edition, ProgrammeVersion, Programme]:
    edition = page_edition(request, slug)
    version = current_version(edition)
    if version is None:
        raise Http404("The programme has not been published yet")
    return edition, version, programme_from_snapshot(version.snapshot)


def programme(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = page_edition(request, edition)
    version = current_version(edition_obj)
    if version is None:
        return render(request, "public/programme/not_yet.html", {"edition": edition_obj})
    published = programme_from_snapshot(version.snapshot)
    filters = Filters(
        track=request.GET.get("spor", ""),
        kind=request.GET.get("type", ""),
        theme=request.GET.get("tema", ""),
    )
    choices = filter_choices(published)
    return render(
        request,
        "public/programme/timetable.html",
        {
            "edition": edition_obj,
            "version": version,
            "programme": published,
            "days": timetable(published, filters),
            "filters": filters,
            "track_choices": choices.tracks,
            "kind_choices": [(kind, kind_label(kind)) for kind in choices.kinds],
            "theme_choices": choices.themes,
            "exports": programme_exports(edition_obj),
            "prize_links": _prize_links(edition_obj, published),
        },
    )


PRIZE_KINDS = frozenset({"prize_nominees", "prize_award"})


def _prize_links(edition: Edition, published: Programme) -> dict[str, list[dict[str, str]]]:
    """Links to the prize's nominees (and winner) on their items; no query without such items."""
    if not any(item.kind in PRIZE_KINDS for item, _parent in published.items()):
        return {}
    return programme_links(edition, timezone.now())


def programme_exports(edition: Edition) -> list[dict[str, str]]:
    """The programme's downloads, linked from its pages: for everyone, then the data formats
    for developers (shown under their own heading)."""
    kwargs = {"edition": edition.slug}
    return [
        {"label": _("PDF til udskrift"), "url": reverse("public:programme_pdf", kwargs=kwargs)},
        {
            "label": _("Kalender (til Outlook, Google eller telefonen)"),
            "url": reverse("public:programme_ical", kwargs=kwargs),
        },
        {
            "label": _("Programmet som JSON (frab/pretalx-format)"),
            "url": reverse("public:programme_json", kwargs=kwargs),
            "developer": "1",
        },
        {
            "label": _("Programmet som XML (frab-format)"),
            "url": reverse("public:programme_xml", kwargs=kwargs),
            "developer": "1",
        },
    ]


def session(request: HttpRequest, edition: str, uid: str) -> HttpResponse:
    edition_obj, version, published = published_programme(request, edition)
    found = published.find_session(uid)
    if found is None:
        raise Http404("No such session in the published programme")
    session, slot = found
    context = {"edition": edition_obj, "version": version, "session": session, "slot": slot}
    return render(request, "public/programme/session.html", context)


def speaker(request: HttpRequest, edition: str, speaker: str) -> HttpResponse:
    edition_obj, version, published = published_programme(request, edition)
    person = published.speakers.get(speaker)
    if person is None:
        raise Http404("No such speaker in the published programme")
    moderates = published.moderator is not None and published.moderator.key == person.key
    return render(
        request,
        "public/programme/speaker.html",
        {
            "edition": edition_obj,
            "version": version,
            "speaker": person,
            "appearances": published.appearances(person.key),
            "moderates": moderates,
            # The speaker's own photo and bio, once they confirmed on their page.
            "confirmed": confirmed_record(edition_obj, person.key),
        },
    )


def changes(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = page_edition(request, edition)
    return render(
        request,
        "public/programme/changes.html",
        {"edition": edition_obj, "history": version_history(edition_obj)},
    )
