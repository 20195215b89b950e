"""Check-in: the desk's list, the check-in app (offline list, scans) and walk-ins and badges."""

from collections.abc import Callable

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.http import HttpResponse
from django.urls import path

from forsamling.backoffice.views import checkin, checkin_app, checkin_desk

BADGE = "tjekind/navneskilt/<int:registration_id>/"
# (the path after the edition's slug, the view, the name)
PAGES: list[tuple[str, Callable[..., HttpResponse], str]] = [
    ("indtjekning/", staff(checkin.desk), "checkin"),
    ("tjekind/", staff(checkin_app.app), "checkin_app"),
    ("tjekind/manifest.webmanifest", checkin_app.manifest, "checkin_app_manifest"),
    ("tjekind/sw.js", checkin_app.service_worker, "checkin_app_sw"),
    ("tjekind/liste.json", checkin_app.door_list, "checkin_list"),
    ("tjekind/scanninger/", checkin_app.events, "checkin_events"),
    ("tjekind/ny/", staff(checkin_desk.walk_in), "checkin_walk_in"),
    (BADGE, staff(checkin_desk.badge_page), "checkin_badge_page"),
    (BADGE + "<slug:layout>.pdf", staff(checkin_desk.badge_pdf), "checkin_badge_pdf"),
    ("ankomster/", staff(checkin_desk.arrivals), "arrivals"),
]
urlpatterns = [path("<slug:edition>/" + route, view, name=name) for route, view, name in PAGES]
