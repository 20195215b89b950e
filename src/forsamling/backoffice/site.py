"""The admin site behind /backoffice/: password plus a TOTP code for staff.

With `FORSAMLING_REQUIRE_OTP` on, a staff user must prove a confirmed TOTP device at login.
One who has none yet is not let in: they set one up through the one-time link an organiser
sends them by e-mail (`views.enrolment`), never with the password alone.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp import match_token, user_has_device

from forsamling.accounts.access import is_verified, otp_required

NOT_ENROLLED = _(
    "Du har ikke sat to-trins-login op endnu. Brug linket i den e-mail, du har fået, eller bed "
    "en arrangør om et nyt link."
)


# One answer for every failure: a wrong password, a missing or wrong code, no second factor set
# up yet. A different answer for a right password would tell a guesser they had found it.
LOGIN_FAILED = _(
    "Brugernavnet, adgangskoden eller koden fra godkenderappen passer ikke. Prøv igen."
)


class OTPLoginForm(AdminAuthenticationForm):
    error_messages = {**AdminAuthenticationForm.error_messages, "invalid_login": LOGIN_FAILED}

    otp_token = forms.CharField(
        label=_("Kode fra godkenderappen"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("De seks cifre, appen viser lige nu."),
    )

    def confirm_login_allowed(self, user: Any) -> None:
        """The password was right; anything else missing fails like a wrong password, and is
        counted like one (django-axes listens for `user_login_failed`)."""
        try:
            super().confirm_login_allowed(user)
            self._check_second_factor(user)
        except forms.ValidationError:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": self.cleaned_data.get("username")},
                request=self.request,
            )
            raise self.get_invalid_login_error() from None

    def _check_second_factor(self, user: Any) -> None:
        if not otp_required():
            return
        if not user_has_device(user, confirmed=True):
            # Not set up yet: only the enrolment link lets them in (see the module's docstring).
            raise forms.ValidationError(NOT_ENROLLED, code="not_enrolled")
        token = (self.cleaned_data.get("otp_token") or "").strip()
        device = match_token(user, token) if token else None
        if device is None:
            raise forms.ValidationError(LOGIN_FAILED, code="otp")
        # django_otp's user_logged_in handler keeps this device in the session.
        user.otp_device = device


class ForsamlingAdminSite(admin.AdminSite):
    login_form = OTPLoginForm
    login_template = "backoffice/login.html"
    logout_template = "backoffice/logged_out.html"  # also deletes check-in lists on the device
    index_template = "backoffice/admin_index.html"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_verified(request)

    def index(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:  # type: ignore[override]  # a redirect, not a TemplateResponse
        """Door staff, jurors and readers go to their own work (`landing`); the admin's
        index would only tell them they may see nothing."""
        from forsamling.backoffice.landing import work_for  # imports the models

        work = work_for(request)
        if work is not None:
            return HttpResponseRedirect(work)
        return super().index(request, extra_context)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        user = request.user
        if user.is_authenticated and user.is_staff and not is_verified(request):
            logout(request)  # a session from before the second factor: start again
        response = super().login(request, extra_context)
        logged_in = request.method == "POST" and request.user.is_authenticated
        if logged_in and not is_verified(request):
            # No device yet: the password alone must not let anyone enrol one (whoever guessed
            # it would own the account). The one-time link from the e-mail does.
            logout(request)
            messages.error(request, NOT_ENROLLED)
            return HttpResponseRedirect(reverse("admin:login"))
        return response
