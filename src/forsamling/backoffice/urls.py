"""The organisers' own pages, under /backoffice/konference/."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice import (
    views,
    views_checkin,
    views_messages,
    views_otp,
    views_outputs,
    views_registrations,
)

app_name = "backoffice"


urlpatterns = [
    path("", views.editions, name="editions"),
    path("totp/", views_otp.totp_setup, name="totp_setup"),
    path("<slug:edition>/", staff(views.home), name="home"),
    path("<slug:edition>/overblik/", staff(views.overview), name="overview"),
    path("<slug:edition>/tilmeldinger/", staff(views.registration_list), name="registrations"),
    path(
        "<slug:edition>/tilmeldinger/<int:registration_id>/",
        staff(views.registration_detail),
        name="registration",
    ),
    path(
        "<slug:edition>/tilmeldinger/<int:registration_id>/flyt/",
        staff(views_registrations.move_participant),
        name="move_participant",
    ),
    path(
        "<slug:edition>/deltagerliste.xlsx",
        staff(views.participant_list_xlsx),
        name="participant_list_xlsx",
    ),
    path("<slug:edition>/fakturagrundlag.xlsx", staff(views.invoices_xlsx), name="invoices_xlsx"),
    path("<slug:edition>/pdf/", staff(views_outputs.outputs), name="outputs"),
    path("<slug:edition>/pdf/bestil/", staff(views_outputs.order), name="order_pdf"),
    path("<slug:edition>/pdf/<int:job_id>/", staff(views_outputs.job), name="job"),
    path("<slug:edition>/pdf/<int:job_id>/hent/", staff(views_outputs.download), name="download"),
    path("<slug:edition>/beskeder/", staff(views_messages.compose), name="messages"),
    path(
        "<slug:edition>/beskeder/<int:mailing_id>/", staff(views_messages.mailing), name="mailing"
    ),
    path("<slug:edition>/indtjekning/", staff(views_checkin.desk), name="checkin"),
]
