"""Creating, revoking and redeeming invitation codes; each one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.invitations.models import InvitationCode
from forsamling.registration.models import AuditEntry, Category

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


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


@transaction.atomic
def create_code(
    *,
    edition: Edition,
    category: Category,
    user: Any,
    max_uses: int | None = None,
    expires_at: datetime | None = None,
    note: str = "",
) -> InvitationCode:
    code = "".join(secrets.choice(ALPHABET) for _ in range(10))
    invitation = InvitationCode.objects.create(
        edition=edition,
        category=category,
        code=code,
        max_uses=max_uses,
        expires_at=expires_at,
        note=note.strip(),
        created_by=user,
    )
    _audit(edition, user, "invitation_created", {"code": code, "category": category.key})
    return invitation


@transaction.atomic
def revoke_code(*, invitation: InvitationCode, user: Any) -> None:
    InvitationCode.objects.filter(pk=invitation.pk, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    _audit(invitation.edition, user, "invitation_revoked", {"code": invitation.code})


@transaction.atomic
def set_invitation_only(*, edition: Edition, categories: Iterable[Category], user: Any) -> None:
    """Exactly these categories of the edition need a code from now on."""
    keys = {category.pk for category in categories}
    Category.objects.filter(edition=edition).update(invitation_only=False)
    Category.objects.filter(edition=edition, pk__in=keys).update(invitation_only=True)
    chosen = sorted(Category.objects.filter(pk__in=keys).values_list("key", flat=True))
    _audit(edition, user, "invitation_only_categories", {"categories": chosen})


def _audit(edition: Edition, user: Any, action: str, details: dict[str, Any]) -> None:
    AuditEntry.objects.create(
        edition=edition,
        actor=f"backoffice:{user.get_username()}",
        action=action,
        details=details,
    )
