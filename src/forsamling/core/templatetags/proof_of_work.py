"""`{% altcha_widget "form" %}`: the proof-of-work widget with its Danish (or English) texts
and its first challenge, priced for that form (`core.abuse`) and served with the page as the
CSRF token is, so the browser asks for none before its first solution. Later challenges (a
solution that expired; the e-mail domain's price, see `forsamling/altcha-domain.js`) come from
the challenge URL."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from forsamling.core import abuse

register = template.Library()


@register.inclusion_tag("core/_altcha.html", takes_context=True)
def altcha_widget(context: template.Context, form: str) -> dict[str, Any]:
    strings = {
        "label": _("Bekræfter, at du ikke er en robot"),
        "verifying": _("Bekræfter …"),
        "verified": _("Bekræftet"),
        "waitAlert": _("Bekræfter … vent et øjeblik."),
        "verificationRequired": _("Vent, til bekræftelsen er færdig, og send så igen."),
        "error": _("Bekræftelsen mislykkedes. Genindlæs siden, og prøv igen."),
        "expired": _("Bekræftelsen er udløbet. Prøv igen."),
        "reload": _("Prøv igen"),
        "ariaLinkLabel": _("Om bekræftelsen"),
        "footer": "",
    }
    enabled = abuse.proof_of_work_enabled()
    request = context.get("request")
    domain = typed_domain(request, form)
    return {
        "altcha_enabled": enabled,
        "altcha_strings": json.dumps(strings),
        "challenge_url": reverse("altcha_challenge") + "?" + urlencode({"form": form}),
        "challenge_json": served_challenge(request, form, domain) if enabled else "",
        "by_domain": form in abuse.DOMAIN_FORMS,
        "priced_for": domain,
    }


def typed_domain(request: HttpRequest | None, form: str) -> str:
    """The e-mail domain of a form shown again after a POST, if its price counts the domain."""
    if request is None or request.method != "POST" or form not in abuse.DOMAIN_FORMS:
        return ""
    email = request.POST.get("email", "")
    return abuse.domain_of(email)[:253] if "@" in email else ""


def served_challenge(request: HttpRequest | None, form: str, domain: str = "") -> str:
    """A fresh challenge for the page as JSON ("" without a request: the widget fetches one)."""
    if request is None:
        return ""
    return json.dumps(abuse.challenge(request, form=form, domain=domain, served=True))
