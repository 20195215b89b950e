"""The published programme's addresses (Danish paths), included by `forsamling.public.urls`."""

from django.urls import path

from forsamling.public import programme_export_views as exports
from forsamling.public import programme_feeds, programme_views

urlpatterns = [
    path("<slug:edition>/program/", programme_views.programme, name="programme"),
    path(
        "<slug:edition>/program/session/<str:uid>/",
        programme_views.session,
        name="programme_session",
    ),
    path(
        "<slug:edition>/program/oplaegsholder/<str:speaker>/",
        programme_views.speaker,
        name="programme_speaker",
    ),
    path("<slug:edition>/program/program.ics", exports.calendar, name="programme_ical"),
    path(
        "<slug:edition>/program/kalender/<str:uid>.ics",
        exports.item_calendar,
        name="programme_item_ical",
    ),
    path("<slug:edition>/program/schedule.json", exports.json_schedule, name="programme_json"),
    path("<slug:edition>/program/schedule.xml", exports.xml_schedule, name="programme_xml"),
    path("<slug:edition>/program/program.pdf", exports.pdf, name="programme_pdf"),
    path("<slug:edition>/program/aendringer/", programme_views.changes, name="programme_changes"),
    path(
        "<slug:edition>/program/aendringer.atom",
        programme_feeds.ProgrammeChangesFeed(),
        name="programme_changes_feed",
    ),
]
