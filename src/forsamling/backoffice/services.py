"""Giving and taking back-office roles: the per-edition role and the matching Django group.

The role decides what the user may do on the back-office pages of that edition; the group
gives the matching model permissions in Django's admin (which are not per edition). Only
organisers get admin permissions: several admin actions (cancel registrations, fill seats,
hold stands) run for anyone who may see the list, so a read-only role there would not be.
Viewers and check-in staff use the back-office pages, which check their role.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from forsamling.backoffice.models import EditionRole
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Role

GROUP_NAMES = {Role.ORGANISER: "Arrangører", Role.CHECKIN: "Indtjekning", Role.VIEWER: "Læseadgang"}
GROUP_NAMES[Role.JURY] = "Jury"
ADMIN_APPS = ["conferences", "programme", "registration", "exhibitors", "checkin", "backoffice"]
ADMIN_APPS.append("prizes")


def role_group(role: Role) -> Group:
    """The role's group, made with its admin permissions the first time it is needed."""
    group, created = Group.objects.get_or_create(name=GROUP_NAMES[role])
    if created and role == Role.ORGANISER:
        group.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
    return group


def grant_role(*, user: Any, edition: Edition, role: Role) -> EditionRole:
    with transaction.atomic():
        granted, _ = EditionRole.objects.get_or_create(user=user, edition=edition, role=role)
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        user.groups.add(role_group(role))
    return granted


def revoke_role(*, user: Any, edition: Edition, role: Role) -> None:
    """Takes the role for this edition; the group goes when no edition needs it any more."""
    with transaction.atomic():
        EditionRole.objects.filter(user=user, edition=edition, role=role).delete()
        if not EditionRole.objects.filter(user=user, role=role).exists():
            user.groups.remove(role_group(role))
