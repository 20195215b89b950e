"""The edition's personal data: the record of processing, retention, requests, export and
erasure for one registration."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import privacy

urlpatterns = [
    path("<slug:edition>/persondata/", staff(privacy.record), name="privacy"),
    path(
        "<slug:edition>/persondata/indstillinger/",
        staff(privacy.settings),
        name="privacy_settings",
    ),
    path(
        "<slug:edition>/persondata/anmodninger/",
        staff(privacy.request_log),
        name="privacy_requests",
    ),
    path(
        "<slug:edition>/persondata/tilmelding/<int:registration_id>/oplysninger.json",
        staff(privacy.export_for),
        name="privacy_export_for",
    ),
    path(
        "<slug:edition>/persondata/tilmelding/<int:registration_id>/slet/",
        staff(privacy.erase_for),
        name="privacy_erase_for",
    ),
]
