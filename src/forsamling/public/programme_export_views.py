"""Downloads of the published programme: iCalendar, schedule JSON and XML, and a printable PDF."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

from forsamling.conferences.models import Edition
from forsamling.core.downloads import attachment
from forsamling.domain.programme import Programme
from forsamling.outputs.ical import programme_calendar
from forsamling.outputs.pdf import programme_pdf
from forsamling.outputs.schedule import ScheduleEvent, schedule_events
from forsamling.outputs.schedule_json import schedule_json
from forsamling.outputs.schedule_xml import schedule_xml
from forsamling.programme.models import ProgrammeVersion
from forsamling.public.programme_views import published_programme

T = TypeVar("T")


def _events(edition: Edition, published: Programme) -> list[ScheduleEvent]:
    programme_url = reverse("public:programme", kwargs={"edition": edition.slug})
    return schedule_events(
        published,
        item_path=lambda uid: f"{programme_url}#punkt-{uid}",
        session_path=lambda uid: reverse(
            "public:programme_session", kwargs={"edition": edition.slug, "uid": uid}
        ),
    )


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _download(
    content: bytes, content_type: str, filename: str, *, inline: bool = False
) -> HttpResponse:
    return attachment(
        content, filename, content_type, disposition="inline" if inline else "attachment"
    )


def _filename(version: ProgrammeVersion, suffix: str) -> str:
    return f"program-{version.edition.slug}-v{version.number}.{suffix}"


def _calendar(
    request: HttpRequest, edition: Edition, version: ProgrammeVersion, events: list[ScheduleEvent]
) -> bytes:
    return programme_calendar(
        edition.title,
        events,
        place=edition.place,
        base_url=_base_url(request),
        stamp=version.published_at,
    )


def calendar(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj, version, published = published_programme(request, edition)
    content = _calendar(request, edition_obj, version, _events(edition_obj, published))
    return _download(content, "text/calendar; charset=utf-8", _filename(version, "ics"))


def item_calendar(request: HttpRequest, edition: str, uid: str) -> HttpResponse:
    edition_obj, version, published = published_programme(request, edition)
    events = [e for e in _events(edition_obj, published) if e.uid == uid]
    if not events:
        raise Http404("No timed item or session with this uid in the published programme")
    content = _calendar(request, edition_obj, version, events)
    return _download(content, "text/calendar; charset=utf-8", f"{uid}.ics")


def _schedule(request: HttpRequest, edition: str, write: Callable[..., T]) -> T:
    """The published programme's schedule written by `write` (schedule_json, schedule_xml)."""
    edition_obj, version, published = published_programme(request, edition)
    events = _events(edition_obj, published)
    return write(
        edition_obj, published, events, version=version.number, base_url=_base_url(request)
    )


def json_schedule(request: HttpRequest, edition: str) -> JsonResponse:
    # The slug is the edition's: published_programme finds it by its exact slug.
    programme_url = reverse("public:programme", kwargs={"edition": edition})
    document = _schedule(request, edition, partial(schedule_json, programme_url=programme_url))
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})


def xml_schedule(request: HttpRequest, edition: str) -> HttpResponse:
    content = _schedule(request, edition, schedule_xml)
    return HttpResponse(content, content_type="application/xml; charset=utf-8")


def pdf(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj, version, published = published_programme(request, edition)
    content = programme_pdf(edition_obj, version, published)
    return _download(content, "application/pdf", _filename(version, "pdf"), inline=True)
