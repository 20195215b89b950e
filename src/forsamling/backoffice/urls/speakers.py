"""Speakers: invited from the programme, and who has not confirmed, sent slides or needs a hotel."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import speakers

urlpatterns = [
    path("<slug:edition>/oplaegsholdere/", staff(speakers.speakers), name="speakers"),
    path(
        "<slug:edition>/oplaegsholdere/inviter/",
        staff(speakers.invite),
        name="speaker_invite",
    ),
    path(
        "<slug:edition>/oplaegsholdere/<int:record_id>/send-igen/",
        staff(speakers.resend),
        name="speaker_resend",
    ),
]
