"""Creating and revoking invitation codes, and choosing the categories that need one; each one
transaction. A registration checks a code and counts its use itself, in its own transaction
(`registration.invitation_codes`, called by `registration.services.register_participant`).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.core.transactions import durable, require_callers_transaction
from forsamling.domain.audit import AuditAction, organiser
from forsamling.registration.models import AuditEntry, Category, InvitationCode

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def create_code_in_transaction(
    *,
    edition: Edition,
    category: Category,
    user: Any,
    max_uses: int | None = None,
    expires_at: datetime | None = None,
    note: str = "",
) -> InvitationCode:
    """`create_code` as a step of the caller's transaction (a speaker's invitation)."""
    require_callers_transaction()
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
    _audit(edition, user, AuditAction.INVITATION_CREATED, {"code": code, "category": category.key})
    return invitation


create_code = durable(create_code_in_transaction)


@transaction.atomic(durable=True)
def revoke_code(*, invitation: InvitationCode, user: Any) -> None:
    InvitationCode.objects.filter(pk=invitation.pk, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    _audit(invitation.edition, user, AuditAction.INVITATION_REVOKED, {"code": invitation.code})


@transaction.atomic(durable=True)
def set_invitation_only(*, edition: Edition, categories: Iterable[Category], user: Any) -> None:
    """Exactly these categories of the edition need a code from now on, and its free ones
    always (`registration_rules.needs_invitation`): unticking a 0 kr. category keeps it."""
    keys = {category.pk for category in categories}
    free = Category.objects.filter(edition=edition, price__lte=0).values_list("pk", flat=True)
    keys |= set(free)
    Category.objects.filter(edition=edition).update(invitation_only=False)
    Category.objects.filter(edition=edition, pk__in=keys).update(invitation_only=True)
    chosen = sorted(Category.objects.filter(pk__in=keys).values_list("key", flat=True))
    _audit(edition, user, AuditAction.INVITATION_ONLY_CATEGORIES, {"categories": chosen})


def _audit(edition: Edition, user: Any, action: AuditAction, details: dict[str, Any]) -> None:
    AuditEntry.record(
        edition_id=edition.pk,
        actor=organiser(user.get_username()),
        action=action,
        details=details,
    )
