"""The registrations: the list, one registration's file, moving a participant, the
published participant list, pausing new registrations and bursts from one network."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import bursts, pause, registrations

urlpatterns = [
    path(
        "<slug:edition>/tilmeldinger/", staff(registrations.registration_list), name="registrations"
    ),
    path(
        "<slug:edition>/tilmeldinger/<int:registration_id>/",
        staff(registrations.registration_detail),
        name="registration",
    ),
    path(
        "<slug:edition>/tilmeldinger/<int:registration_id>/flyt/",
        staff(registrations.move_participant),
        name="move_participant",
    ),
    path(
        "<slug:edition>/deltagerliste.xlsx",
        staff(registrations.participant_list_xlsx),
        name="participant_list_xlsx",
    ),
    path(
        "<slug:edition>/tilmelding/pause/",
        staff(pause.registration_pause),
        name="registration_pause",
    ),
    path(
        "<slug:edition>/tilmelding/mange/",
        staff(bursts.bursts),
        name="bursts",
    ),
    path(
        "<slug:edition>/tilmelding/mange/afmeld/",
        staff(bursts.cancel),
        name="bursts_cancel",
    ),
]
