"""Lead scanning's rules: whose badge an exhibitor's stand staff may keep, with no Django.

A scanned badge becomes a lead only when the code is genuine, the person is registered at
the exhibitor's own edition and still active, and they consent to exhibitors receiving
their contact details. A withdrawn consent hides the lead again (see `exhibitors.leads`).
"""

from __future__ import annotations

# The consent's purpose as stored on the privacy app's consent records.
LEADS_CONSENT = "exhibitor_leads"


class LeadError(Exception):
    """A scan that gives no lead."""


class UnknownBadge(LeadError):
    """Not a badge code of this edition's active participants (mistyped, forged, another
    edition's or a cancelled registration's)."""


class NoConsent(LeadError):
    """The person has not consented to share their details with exhibitors."""


def check_scan(*, found: bool, same_edition: bool, active: bool, consented: bool) -> None:
    """Raises why a scan gives no lead; returns when it does."""
    if not (found and same_edition and active):
        raise UnknownBadge
    if not consented:
        raise NoConsent
