"""The organisers' own pages, under /backoffice/konference/."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice import (
    views,
    views_checkin,
    views_messages,
    views_otp,
    views_outputs,
    views_privacy,
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
    path("<slug:edition>/persondata/", staff(views_privacy.record), name="privacy"),
    path(
        "<slug:edition>/persondata/indstillinger/",
        staff(views_privacy.settings),
        name="privacy_settings",
    ),
    path(
        "<slug:edition>/persondata/anmodninger/",
        staff(views_privacy.request_log),
        name="privacy_requests",
    ),
    path(
        "<slug:edition>/persondata/tilmelding/<int:registration_id>/oplysninger.json",
        staff(views_privacy.export_for),
        name="privacy_export_for",
    ),
    path(
        "<slug:edition>/persondata/tilmelding/<int:registration_id>/slet/",
        staff(views_privacy.erase_for),
        name="privacy_erase_for",
    ),
]

# Invoices (views_invoices.py): organisers only.
from forsamling.backoffice import views_invoices  # noqa: E402

urlpatterns += [
    path("<slug:edition>/fakturaer/", staff(views_invoices.invoice_list), name="invoices"),
    path(
        "<slug:edition>/fakturaer/dan-kladder/", staff(views_invoices.draft), name="invoices_draft"
    ),
    path("<slug:edition>/fakturaer/udsted/", staff(views_invoices.issue), name="invoices_issue"),
    path(
        "<slug:edition>/fakturaer/send-igen/",
        staff(views_invoices.send_unsent),
        name="invoices_send_unsent",
    ),
    path("<slug:edition>/fakturaer/saelger/", staff(views_invoices.seller), name="invoice_seller"),
    path("<slug:edition>/fakturaer/koebere/", staff(views_invoices.buyers), name="invoice_buyers"),
    path(
        "<slug:edition>/fakturaer/koebere/<int:buyer_id>/",
        staff(views_invoices.buyer),
        name="invoice_buyer",
    ),
    path(
        "<slug:edition>/fakturaer/koersel/<str:run>.zip",
        staff(views_invoices.run_zip),
        name="invoice_run_zip",
    ),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/", staff(views_invoices.detail), name="invoice"
    ),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/udsted/",
        staff(views_invoices.issue_one),
        name="invoice_issue",
    ),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/udfyld/",
        staff(views_invoices.complete),
        name="invoice_complete",
    ),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/krediter/",
        staff(views_invoices.credit),
        name="invoice_credit",
    ),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/hent/<str:kind>/",
        staff(views_invoices.download),
        name="invoice_download",
    ),
]

# The outbox: e-mails waiting for or refused by the mail server (views_mail).
from forsamling.backoffice import views_mail  # noqa: E402

urlpatterns += [
    path("<slug:edition>/udbakke/", staff(views_mail.outbox), name="outbox"),
    path(
        "<slug:edition>/udbakke/<int:message_id>/send-igen/",
        staff(views_mail.send_again),
        name="send_again",
    ),
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

from forsamling.backoffice import views_prize  # noqa: E402

urlpatterns += [
    path("<slug:edition>/pris/jury/", staff(views_prize.jury), name="prize_jury"),
    path(
        "<slug:edition>/pris/jury/<int:pk>/",
        staff(views_prize.jury_nomination),
        name="prize_jury_nomination",
    ),
    path(
        "<slug:edition>/pris/jury/<int:pk>/bilag/<int:attachment>/",
        staff(views_prize.jury_attachment),
        name="prize_jury_attachment",
    ),
    path(
        "<slug:edition>/pris/jury/<int:pk>/inhabil/",
        staff(views_prize.declare_conflict),
        name="prize_conflict",
    ),
    path("<slug:edition>/pris/", staff(views_prize.prize_ranking), name="prize_ranking"),
    path("<slug:edition>/pris/nominerede/", staff(views_prize.shortlist), name="prize_shortlist"),
    path("<slug:edition>/pris/vinder/", staff(views_prize.record_winner), name="prize_winner"),
    path("<slug:edition>/pris/offentliggoer/", staff(views_prize.publish), name="prize_publish"),
    path(
        "<slug:edition>/pris/program/<int:pk>/",
        staff(views_prize.place_nominee),
        name="prize_place",
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

# Bursts of registrations from one network or e-mail domain (views_bursts).
from forsamling.backoffice import views_bursts  # noqa: E402

urlpatterns += [
    path(
        "<slug:edition>/tilmelding/mange/",
        staff(views_bursts.bursts),
        name="bursts",
    ),
    path(
        "<slug:edition>/tilmelding/mange/afmeld/",
        staff(views_bursts.cancel),
        name="bursts_cancel",
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

from forsamling.backoffice import views_checkin_app  # noqa: E402

urlpatterns += [
    path("<slug:edition>/tjekind/", staff(views_checkin_app.app), name="checkin_app"),
    path(
        "<slug:edition>/tjekind/manifest.webmanifest",
        views_checkin_app.manifest,
        name="checkin_app_manifest",
    ),
    path("<slug:edition>/tjekind/sw.js", views_checkin_app.service_worker, name="checkin_app_sw"),
    path("<slug:edition>/tjekind/liste.json", views_checkin_app.door_list, name="checkin_list"),
    path("<slug:edition>/tjekind/scanninger/", views_checkin_app.events, name="checkin_events"),
]

from forsamling.backoffice import views_checkin_desk  # noqa: E402

urlpatterns += [
    path("<slug:edition>/tjekind/ny/", staff(views_checkin_desk.walk_in), name="checkin_walk_in"),
    path(
        "<slug:edition>/tjekind/navneskilt/<int:registration_id>/",
        staff(views_checkin_desk.badge_page),
        name="checkin_badge_page",
    ),
    path(
        "<slug:edition>/tjekind/navneskilt/<int:registration_id>/<slug:layout>.pdf",
        staff(views_checkin_desk.badge_pdf),
        name="checkin_badge_pdf",
    ),
    path("<slug:edition>/ankomster/", staff(views_checkin_desk.arrivals), name="arrivals"),
]

# Logging in by a one-time link, and the locked-out logins (views_logins).
from forsamling.backoffice import views_logins  # noqa: E402

urlpatterns += [
    path("logins/engangslink/", views_logins.request_link, name="request_login_link"),
    path("logins/engangslink/<str:token>/", views_logins.login_link, name="login_link"),
    path("logins/spaerrede/", staff(views_logins.lockouts), name="lockouts"),
    path(
        "logins/spaerrede/<int:attempt_id>/ophaev/",
        staff(views_logins.lift_lockout),
        name="lift_lockout",
    ),
]

# The evaluation survey (views_surveys).
from forsamling.backoffice import views_surveys  # noqa: E402

urlpatterns += [
    path("<slug:edition>/evaluering/", staff(views_surveys.build), name="survey"),
    path(
        "<slug:edition>/evaluering/resultater/", staff(views_surveys.results), name="survey_results"
    ),
    path(
        "<slug:edition>/evaluering/resultater.xlsx",
        staff(views_surveys.results_xlsx),
        name="survey_xlsx",
    ),
    path(
        "<slug:edition>/evaluering/resultater.pdf",
        staff(views_surveys.results_pdf),
        name="survey_pdf",
    ),
]
