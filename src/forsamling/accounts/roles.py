"""Giving and taking back-office roles per edition.

The role is the whole access rule (`accounts.access`): it decides what the user may do
on the back-office pages and in the admin, for that edition only. A role makes the user staff,
so that they can log in at /backoffice/.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from forsamling.accounts.models import EditionRole
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Role


def grant_role(*, user: Any, edition: Edition, role: Role) -> EditionRole:
    """Gives the role and makes the user staff. Not durable: it joins the caller's transaction
    (the admin's role page and its prize's jury save it inside theirs, as does
    `prizes.jury.add_juror`);
    alone (an edition copied from the admin's list) it is its own."""
    with transaction.atomic():
        granted, _ = EditionRole.objects.get_or_create(user=user, edition=edition, role=role)
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
    return granted


def revoke_role(*, user: Any, edition: Edition, role: Role) -> None:
    """Takes the role for this edition; the user stays staff (other editions may need it)."""
    EditionRole.objects.filter(user=user, edition=edition, role=role).delete()
