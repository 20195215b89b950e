"""Staff enrolment: organisers send a one-time link; the new user sets up TOTP through it.

A password alone never lets a user enrol a device (see `views.otp.totp_setup`): the link proves
the mailbox, the password proves the user, the code proves the app.
"""

from __future__ import annotations

import base64

import segno
from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import authenticate, get_user_model, login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from forsamling.accounts import services
from forsamling.accounts.access import is_verified


class PasswordForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Din adgangskode"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label=gettext_lazy("Kode fra appen"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _confirmed_key(enrolment_id: int) -> str:
    return f"enrolment-password-{enrolment_id}"


def enrol(request: HttpRequest, token: str) -> HttpResponse:
    """Two steps: the password first, then the QR code and the code from the app. The seed is
    shown only to whoever has given the password on this page (whoever merely holds the link,
    e.g. from a forwarded e-mail, learns nothing)."""
    enrolment = services.open_enrolment(token)
    if enrolment is None:
        return render(request, "backoffice/enrol_invalid.html", status=404)
    user = enrolment.user
    if not request.session.get(_confirmed_key(enrolment.pk)):
        password_form = PasswordForm(request.POST or None)
        if request.method == "POST" and password_form.is_valid():
            # Through authenticate(): django-axes counts a wrong password here as at the login.
            password = password_form.cleaned_data["password"]
            checked = authenticate(request, username=user.get_username(), password=password)
            if checked is not None and checked.pk == user.pk:
                request.session[_confirmed_key(enrolment.pk)] = True
                return redirect(request.path)
            password_form.add_error("password", _("Adgangskoden passer ikke."))
        return render(
            request,
            "backoffice/enrol.html",
            {"password_form": password_form, "enrolled_user": user},
            status=400 if request.method == "POST" else 200,
        )
    device = services.enrolment_device(enrolment)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["otp_token"].strip()
        if not (code.isdigit() and device.verify_token(code)):
            form.add_error("otp_token", _("Koden passede ikke. Prøv med den næste kode fra appen."))
        elif services.complete_enrolment(enrolment=enrolment, device=device):
            request.session.pop(_confirmed_key(enrolment.pk), None)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            otp_login(request, device)
            messages.success(request, _("Godkenderappen er sat op. Brug den, når du logger ind."))
            return redirect("backoffice:editions")
        else:
            return render(request, "backoffice/enrol_invalid.html", status=404)
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "backoffice/enrol.html",
        {
            "form": form,
            "enrolled_user": user,
            "qr": mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=5)),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
        status=400 if request.method == "POST" else 200,
    )


def _require_user_admin(request: HttpRequest) -> None:
    user = request.user
    if not (user.is_authenticated and user.is_staff and is_verified(request)):
        raise PermissionDenied
    if not user.has_perm("auth.change_user"):
        raise PermissionDenied


# Like every organiser page (staff() in urls.py): someone not logged in is sent to log in.
@staff_member_required
def staff_list(request: HttpRequest) -> HttpResponse:
    """Staff users, with whether they have set up their second factor; send them a link."""
    _require_user_admin(request)
    has_device = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    people = (
        get_user_model()
        .objects.filter(is_staff=True, is_active=True)
        .annotate(enrolled=Exists(has_device))
        .order_by("username")
    )
    return render(request, "backoffice/enrolment/staff.html", {"people": people})


@staff_member_required
@require_POST
def send_link(request: HttpRequest, user_id: int) -> HttpResponse:
    _require_user_admin(request)
    person = get_object_or_404(get_user_model(), pk=user_id, is_staff=True, is_active=True)
    url = services.issue_enrolment(user=person, by=request.user)
    if person.email:
        messages.success(
            request,
            _("Et link til to-trins-login er sendt til %(email)s.") % {"email": person.email},
        )
    else:  # nothing was sent: the organiser hands the link over in person
        messages.warning(
            request,
            _(
                "%(user)s har ingen e-mailadresse, så der er ikke sendt noget. Giv personen "
                "dette link selv; det virker én gang og i 72 timer: %(url)s"
            )
            % {"user": person.get_username(), "url": url},
        )
    return redirect("backoffice:staff_enrolment")
