"""The published programme's addresses (Danish paths), included by `forsamling.public.urls`."""

from collections.abc import Callable

from django.http import HttpResponse
from django.urls import path

from forsamling.public import programme_export_views as exports
from forsamling.public import programme_feeds, programme_views

# (the path after the edition's slug, the view, the name)
PAGES: list[tuple[str, Callable[..., HttpResponse], str]] = [
    ("program/", programme_views.programme, "programme"),
    ("program/session/<str:uid>/", programme_views.session, "programme_session"),
    ("program/oplaegsholder/<str:speaker>/", programme_views.speaker, "programme_speaker"),
    ("program/program.ics", exports.calendar, "programme_ical"),
    ("program/kalender/<str:uid>.ics", exports.item_calendar, "programme_item_ical"),
    ("program/schedule.json", exports.json_schedule, "programme_json"),
    ("program/schedule.xml", exports.xml_schedule, "programme_xml"),
    ("program/program.pdf", exports.pdf, "programme_pdf"),
    ("program/aendringer/", programme_views.changes, "programme_changes"),
    ("program/aendringer.atom", programme_feeds.ProgrammeChangesFeed(), "programme_changes_feed"),
]
urlpatterns = [path("<slug:edition>/" + route, view, name=name) for route, view, name in PAGES]
