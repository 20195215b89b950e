"""Check-in: the desk's list, the check-in app (offline list, scans) and walk-ins and badges."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import checkin, checkin_app, checkin_desk

urlpatterns = [
    path("<slug:edition>/indtjekning/", staff(checkin.desk), name="checkin"),
    path("<slug:edition>/tjekind/", staff(checkin_app.app), name="checkin_app"),
    path(
        "<slug:edition>/tjekind/manifest.webmanifest",
        checkin_app.manifest,
        name="checkin_app_manifest",
    ),
    path("<slug:edition>/tjekind/sw.js", checkin_app.service_worker, name="checkin_app_sw"),
    path("<slug:edition>/tjekind/liste.json", checkin_app.door_list, name="checkin_list"),
    path("<slug:edition>/tjekind/scanninger/", checkin_app.events, name="checkin_events"),
    path("<slug:edition>/tjekind/ny/", staff(checkin_desk.walk_in), name="checkin_walk_in"),
    path(
        "<slug:edition>/tjekind/navneskilt/<int:registration_id>/",
        staff(checkin_desk.badge_page),
        name="checkin_badge_page",
    ),
    path(
        "<slug:edition>/tjekind/navneskilt/<int:registration_id>/<slug:layout>.pdf",
        staff(checkin_desk.badge_pdf),
        name="checkin_badge_pdf",
    ),
    path("<slug:edition>/ankomster/", staff(checkin_desk.arrivals), name="arrivals"),
]
