"""The badge's code as a QR code on the participant's pages (the private page, "Mit program")."""

from __future__ import annotations

import segno
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from forsamling.outputs.badges import checkin_url
from forsamling.registration.models import Registration


def badge_qr(registration: Registration) -> SafeString:
    """The badge's code as a QR code to show at the door: the same the printed badge holds."""
    svg = segno.make(checkin_url(registration.edition, registration.pk), error="m").svg_inline(
        scale=4, svgclass="badge-qr", title=_("QR-kode til indtjekning")
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
