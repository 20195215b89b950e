"""Creating, revoking and redeeming invitation codes; each one transaction.

A registration in an invitation-only category goes through `register_invited` (or
`add_invited_group_member`): the code's use is counted in the registration's transaction.
The invitation codes sit above registration, so this is the caller above that makes both calls.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.core.transactions import require_callers_transaction
from forsamling.domain.audit import AuditAction, organiser
from forsamling.invitations.models import InvitationCode
from forsamling.programme.models import Session, Track
from forsamling.registration import groups, services
from forsamling.registration.audit import record
from forsamling.registration.models import Category, GroupBooking
from forsamling.registration.services import ParticipantDetails, Registered

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


def register_invited(
    *,
    edition: Edition,
    idempotency_key: str,
    details: ParticipantDetails,
    category: Category,
    sessions: Sequence[Session],
    track: Track | None = None,
    invitation_code: str = "",
    network: str = "",
) -> Registered:
    """A participant's registration from the public form: `register_participant`, with the
    code of an invitation-only category counted in the registration's own transaction (a
    failed registration uses nothing, a retry of one that went through neither). Other
    categories (the 10.00 rush) go straight to the registration service: no query more."""
    return _redeemed_with(
        category,
        invitation_code,
        lambda: services.register_participant(
            edition=edition,
            idempotency_key=idempotency_key,
            details=details,
            category=category,
            sessions=sessions,
            track=track,
            network=network,
        ),
    )


def add_invited_group_member(
    *, group: GroupBooking, member: groups.GroupMember, invitation_code: str, network: str = ""
) -> Registered:
    """`registration.groups.add_group_member`, with the code counted as in `register_invited`."""
    return _redeemed_with(
        member.category,
        invitation_code,
        lambda: groups.add_group_member(group=group, member=member, network=network),
    )


def _redeemed_with(category: Category, code: str, register: Callable[[], Registered]) -> Registered:
    if not category.invitation_only:
        return register()
    with transaction.atomic(durable=True):
        redeem(category=category, code=code)
        result = register()
        if not result.created:  # a retry: the first registration used the code already
            transaction.set_rollback(True)
        return result


@transaction.atomic(durable=True)
def create_code(
    *,
    edition: Edition,
    category: Category,
    user: Any,
    max_uses: int | None = None,
    expires_at: datetime | None = None,
    note: str = "",
) -> InvitationCode:
    return create_code_in_transaction(
        edition=edition,
        category=category,
        user=user,
        max_uses=max_uses,
        expires_at=expires_at,
        note=note,
    )


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


@transaction.atomic(durable=True)
def revoke_code(*, invitation: InvitationCode, user: Any) -> None:
    InvitationCode.objects.filter(pk=invitation.pk, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    _audit(invitation.edition, user, AuditAction.INVITATION_REVOKED, {"code": invitation.code})


@transaction.atomic(durable=True)
def set_invitation_only(*, edition: Edition, categories: Iterable[Category], user: Any) -> None:
    """Exactly these categories of the edition need a code from now on."""
    keys = {category.pk for category in categories}
    Category.objects.filter(edition=edition).update(invitation_only=False)
    Category.objects.filter(edition=edition, pk__in=keys).update(invitation_only=True)
    chosen = sorted(Category.objects.filter(pk__in=keys).values_list("key", flat=True))
    _audit(edition, user, AuditAction.INVITATION_ONLY_CATEGORIES, {"categories": chosen})


def _audit(edition: Edition, user: Any, action: AuditAction, details: dict[str, Any]) -> None:
    record(
        edition_id=edition.pk,
        actor=organiser(user.get_username()),
        action=action,
        details=details,
    )
