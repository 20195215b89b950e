"""Staff users' own pages: the authenticator app, the enrolment links, logging in by a
one-time link and the locked-out logins. Paths of no edition; first in the root, so an
edition's slug never hides them."""

from collections.abc import Callable

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.http import HttpResponse
from django.urls import path

from forsamling.backoffice.views import enrolment, logins, otp

# (path, view, name)
PAGES: list[tuple[str, Callable[..., HttpResponse], str]] = [
    ("totp/", otp.totp_setup, "totp_setup"),
    ("totp/tilmeld/<str:token>/", enrolment.enrol, "enrol"),
    ("totp/brugere/", enrolment.staff_list, "staff_enrolment"),
    ("totp/brugere/<int:user_id>/send/", enrolment.send_link, "staff_enrolment_send"),
    ("logins/engangslink/", logins.request_link, "request_login_link"),
    ("logins/engangslink/<str:token>/", logins.login_link, "login_link"),
    ("logins/spaerrede/", staff(logins.lockouts), "lockouts"),
    ("logins/spaerrede/<int:attempt_id>/ophaev/", staff(logins.lift_lockout), "lift_lockout"),
]
urlpatterns = [path(route, view, name=name) for route, view, name in PAGES]
