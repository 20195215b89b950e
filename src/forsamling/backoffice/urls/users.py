"""Staff users' own pages: the authenticator app, the enrolment links, logging in by a
one-time link and the locked-out logins. Paths of no edition; first in the root, so an
edition's slug never hides them."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import enrolment, logins, otp

urlpatterns = [
    path("totp/", otp.totp_setup, name="totp_setup"),
    path("totp/tilmeld/<str:token>/", enrolment.enrol, name="enrol"),
    path("totp/brugere/", enrolment.staff_list, name="staff_enrolment"),
    path(
        "totp/brugere/<int:user_id>/send/",
        enrolment.send_link,
        name="staff_enrolment_send",
    ),
    path("logins/engangslink/", logins.request_link, name="request_login_link"),
    path("logins/engangslink/<str:token>/", logins.login_link, name="login_link"),
    path("logins/spaerrede/", staff(logins.lockouts), name="lockouts"),
    path(
        "logins/spaerrede/<int:attempt_id>/ophaev/",
        staff(logins.lift_lockout),
        name="lift_lockout",
    ),
]
