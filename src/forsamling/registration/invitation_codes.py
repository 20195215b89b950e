"""An invitation code checked on the form and its use counted in the registration's transaction.

The codes (`models.InvitationCode`) are made, limited and revoked by organisers through
`forsamling.invitations.services`; a registration only asks whether one is usable and counts
its use, so those two steps live here, below the registration service that calls them.
"""

from __future__ import annotations

from django.db.models import F, Q
from django.utils import timezone

from forsamling.registration.models import Category, InvitationCode


class InvitationInvalid(Exception):
    """The code is unknown, for another category, revoked, expired or used up."""


def normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()[:40]


def _usable(category: Category, code: str) -> Q:
    now = timezone.now()
    return (
        Q(edition_id=category.edition_id, category=category, code=normalise(code), revoked_at=None)
        & (Q(expires_at=None) | Q(expires_at__gt=now))
        & (Q(max_uses=None) | Q(uses__lt=F("max_uses")))
    )


def is_usable(*, category: Category, code: str) -> bool:
    """For the form's check (one query, only when an invitation-only category is chosen)."""
    return bool(code) and InvitationCode.objects.filter(_usable(category, code)).exists()


def redeem(*, category: Category, code: str) -> None:
    """Counts one use, atomically (an UPDATE that checks the limits in its WHERE), or raises.
    Run it in the registration's transaction, so a failed registration uses nothing."""
    if not code:
        raise InvitationInvalid()
    updated = InvitationCode.objects.filter(_usable(category, code)).update(uses=F("uses") + 1)
    if not updated:
        raise InvitationInvalid()
