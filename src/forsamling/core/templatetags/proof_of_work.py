"""`{% altcha_widget "form" %}`: the proof-of-work widget with its Danish (or English) texts,
fetching challenges priced for that form (`core.abuse`)."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from forsamling.core.abuse import DOMAIN_FORMS, proof_of_work_enabled

register = template.Library()


@register.inclusion_tag("core/_altcha.html")
def altcha_widget(form: str) -> dict[str, Any]:
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
    return {
        "altcha_enabled": proof_of_work_enabled(),
        "altcha_strings": json.dumps(strings),
        "challenge_url": reverse("altcha_challenge") + "?" + urlencode({"form": form}),
        "by_domain": form in DOMAIN_FORMS,
    }
