"""The organisers' own pages, under /backoffice/konference/."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice import (
    views,
    views_messages,
    views_otp,
    views_outputs,
    views_registrations,
)
from forsamling.checkin import views as checkin_views

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
    path("<slug:edition>/indtjekning/", staff(checkin_views.desk), name="checkin"),
]

# Staff enrolment: one-time links to set up the second factor (views_enrolment).
from forsamling.backoffice import views_enrolment  # noqa: E402

urlpatterns += [
    path("totp/tilmeld/<str:token>/", views_enrolment.enrol, name="enrol"),
    path("totp/brugere/", views_enrolment.staff_list, name="staff_enrolment"),
    path(
        "totp/brugere/<int:user_id>/send/",
        views_enrolment.send_link,
        name="staff_enrolment_send",
    ),
]

# Pausing new registrations (views_pause).
from forsamling.backoffice import views_pause  # noqa: E402

urlpatterns += [
    path(
        "<slug:edition>/tilmelding/pause/",
        staff(views_pause.registration_pause),
        name="registration_pause",
    ),
]

# Invitation codes for free and special categories (views_invitations).
from forsamling.backoffice import views_invitations  # noqa: E402

urlpatterns += [
    path(
        "<slug:edition>/invitationskoder/",
        staff(views_invitations.invitations),
        name="invitations",
    ),
    path(
        "<slug:edition>/invitationskoder/kategorier/",
        staff(views_invitations.invitation_categories),
        name="invitation_categories",
    ),
    path(
        "<slug:edition>/invitationskoder/<int:code_id>/tilbagekald/",
        staff(views_invitations.revoke),
        name="invitation_revoke",
    ),
]
