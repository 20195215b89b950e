"""E-mail to a group of participants, and the outbox: messages waiting or refused."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import messages, outbox

urlpatterns = [
    path("<slug:edition>/beskeder/", staff(messages.compose), name="messages"),
    path("<slug:edition>/beskeder/<int:mailing_id>/", staff(messages.mailing), name="mailing"),
    path("<slug:edition>/udbakke/", staff(outbox.outbox), name="outbox"),
    path(
        "<slug:edition>/udbakke/<int:message_id>/send-igen/",
        staff(outbox.send_again),
        name="send_again",
    ),
]
