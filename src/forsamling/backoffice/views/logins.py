"""Logging in by a one-time link, and the list of locked-out logins (see accounts.logins)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from forsamling.accounts import logins
from forsamling.accounts.access import lockout_scope, otp_required, require_login_admin
from forsamling.backoffice.site import NOT_ENROLLED
from forsamling.core import abuse
from forsamling.core.validators import SafeTextMixin

# The password is not checked on this path: django-axes' backend is not asked.
BACKEND = "django.contrib.auth.backends.ModelBackend"


class RequestLinkForm(SafeTextMixin, forms.Form):
    identifier = forms.CharField(
        label=gettext_lazy("Brugernavn eller e-mailadresse"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
        error_messages={"required": gettext_lazy("Skriv dit brugernavn eller din e-mailadresse.")},
    )


class LinkCodeForm(forms.Form):
    otp_token = forms.CharField(
        label=gettext_lazy("Kode fra godkenderappen"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=gettext_lazy("De seks cifre, appen viser lige nu."),
        error_messages={"required": gettext_lazy("Skriv koden fra din godkenderapp.")},
    )


def _too_many(request: HttpRequest) -> bool:
    """Link requests per client address; over the limit only this address waits."""
    key = f"login-link:address:{abuse.client_address(request)}"
    counts = abuse.hit([key], seconds=settings.FORSAMLING_RATE_WINDOW_SECONDS)
    return counts[key] > settings.FORSAMLING_RATE_LOGIN_LINKS_PER_ADDRESS


def request_link(request: HttpRequest) -> HttpResponse:
    """ "Log ind med et engangslink": the same answer whoever is asked for."""
    form = RequestLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _too_many(request):
            minutes = max(1, settings.FORSAMLING_RATE_WINDOW_SECONDS // 60)
            form.add_error(
                None,
                _(
                    "Der er bedt om mange links fra din internetforbindelse på kort tid. Vent "
                    "%(minutes)s minutter, og prøv igen."
                )
                % {"minutes": minutes},
            )
            response = render(request, "backoffice/login_link/request.html", {"form": form})
            response.status_code = 429
            response["Retry-After"] = str(settings.FORSAMLING_RATE_WINDOW_SECONDS)
            return response
        logins.request_login_link(
            identifier=form.cleaned_data["identifier"], address=abuse.axes_client_ip(request)
        )
        return render(request, "backoffice/login_link/sent.html")
    status = 400 if request.method == "POST" else 200
    return render(request, "backoffice/login_link/request.html", {"form": form}, status=status)


def login_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link's page: shown by a GET (a mail scanner's visit uses nothing up), used by the
    POST, with the code from the app where the login asks for one."""
    link = logins.open_login_link(token)
    if link is None:
        return render(request, "backoffice/login_link/invalid.html", status=404)
    user = link.user
    needs_code = otp_required()
    if needs_code and not user_has_device(user, confirmed=True):
        return render(
            request, "backoffice/login_link/use.html", {"not_enrolled": NOT_ENROLLED}, status=403
        )
    form = LinkCodeForm(request.POST or None) if needs_code else None
    if request.method == "POST":
        device = None
        if form is not None:
            code = (form.data.get("otp_token") or "").strip()
            device = match_token(user, code) if form.is_valid() and code.isdigit() else None
            if device is None:
                logins.count_wrong_code(link=link)
                if form.is_valid():
                    form.add_error("otp_token", _("Koden passer ikke. Prøv med den næste kode."))
                return render(request, "backoffice/login_link/use.html", {"form": form}, status=400)
        if not logins.use_login_link(link=link):
            return render(request, "backoffice/login_link/invalid.html", status=404)
        login(request, user, backend=BACKEND)
        if device is not None:
            otp_login(request, device)
        messages.success(request, _("Du er logget ind."))
        return redirect("backoffice:editions")
    return render(request, "backoffice/login_link/use.html", {"form": form})


def lockouts(request: HttpRequest) -> HttpResponse:
    """Who is locked out, from which address, since when, after how many failures."""
    require_login_admin(request)
    return render(
        request,
        "backoffice/lockouts.html",
        {
            "lockouts": logins.lockouts(names=lockout_scope(request.user)),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "sees_all": request.user.is_superuser,
        },
    )


@require_POST
def lift_lockout(request: HttpRequest, attempt_id: int) -> HttpResponse:
    require_login_admin(request)
    names = lockout_scope(request.user)
    if logins.lift_lockout(attempt_id=attempt_id, by=request.user, names=names):
        messages.success(request, _("Spærringen er ophævet."))
    else:
        messages.info(request, _("Spærringen var allerede ophævet."))
    return redirect("backoffice:lockouts")
