"""Adding a second factor: a TOTP device shown as a QR code, confirmed with a code.

With the second factor required, only a user who has logged in with one may add another; the
first comes through the one-time enrolment link (views.enrolment).
"""

from __future__ import annotations

import base64

import segno
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from forsamling.accounts.access import otp_required
from forsamling.backoffice.site import NOT_ENROLLED


@staff_member_required
def totp_setup(request: HttpRequest) -> HttpResponse:
    """A user may add their first device after the password alone; more only when verified."""
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    if otp_required() and not confirmed:
        # The first device only through the one-time link (views.enrolment).
        logout(request)
        messages.error(request, NOT_ENROLLED)
        return redirect("admin:login")
    if confirmed and not user.is_verified():  # type: ignore[union-attr]
        logout(request)
        messages.info(request, _("Log ind med koden fra din godkenderapp."))
        return redirect("admin:login")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user,
        confirmed=False,
        defaults={"name": _("Godkenderapp")},
    )
    if request.method == "POST":
        token = request.POST.get("otp_token", "").strip()
        if token.isdigit() and device.verify_token(token):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Godkenderappen er sat op. Brug den, når du logger ind."))
            return redirect("backoffice:editions")
        messages.error(request, _("Koden passede ikke. Prøv med den næste kode fra appen."))
    secret = base64.b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m").svg_inline(scale=5)
    return render(
        request,
        "backoffice/totp_setup.html",
        {
            "qr": mark_safe(qr),  # segno's SVG
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "has_device": confirmed,
        },
    )
