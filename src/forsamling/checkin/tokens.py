"""The check-in code printed on badges: unguessable, and not the participant's own link.

The registration's `token` opens the participant's own page, so a badge must not carry it.
The badge code is the registration's id and an HMAC of it under the site's secret key.
"""

from __future__ import annotations

import re

from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "forsamling.checkin.badge"
_CODE = re.compile(r"(?:kode=)?(\d+)-([0-9a-f]{16})", re.IGNORECASE)


def badge_code(registration_id: int) -> str:
    return f"{registration_id}-{_mac(registration_id)}"


def registration_id_from_code(text: str) -> int | None:
    """The registration a typed or scanned code (or a URL holding one) is for, if genuine."""
    match = _CODE.search(text.strip())
    if match is None:
        return None
    registration_id = int(match.group(1))
    if not constant_time_compare(match.group(2).lower(), _mac(registration_id)):
        return None
    return registration_id


def _mac(registration_id: int) -> str:
    return salted_hmac(SALT, str(registration_id), algorithm="sha256").hexdigest()[:16]
