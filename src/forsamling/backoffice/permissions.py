"""Access to the back-office pages: the user's roles for the edition, and the second factor.

Every view asks `require(request, edition, action)` before it reads anything else.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from forsamling.backoffice.models import EditionRole
from forsamling.backoffice.site import is_verified
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Action, Role, may


def roles_for(user: Any, edition: Edition) -> set[Role]:
    if not user.is_authenticated or not user.is_active:
        return set()
    return {
        Role(role)
        for role in EditionRole.objects.filter(user=user, edition=edition).values_list(
            "role", flat=True
        )
    }


def user_may(user: Any, edition: Edition, action: Action) -> bool:
    if not user.is_authenticated or not user.is_active or not user.is_staff:
        return False
    return may(roles=roles_for(user, edition), action=action, is_superuser=user.is_superuser)


def allowed_actions(user: Any, edition: Edition) -> set[Action]:
    """What the user may do here, for showing only the links that lead somewhere."""
    if not user.is_authenticated or not user.is_active or not user.is_staff:
        return set()
    if user.is_superuser:
        return set(Action)
    roles = roles_for(user, edition)
    return {a for a in Action if may(roles=roles, action=a)}


def require(request: HttpRequest, edition: Edition, action: Action) -> set[Action]:
    """Raises PermissionDenied unless the user may; returns all the user may do here."""
    if not is_verified(request):
        raise PermissionDenied
    actions = allowed_actions(request.user, edition)
    if action not in actions:
        raise PermissionDenied
    return actions


def editions_for(user: Any) -> QuerySet[Edition]:
    """The editions the user has a role for (all of them for a superuser)."""
    editions = Edition.objects.order_by("-start_date")
    if user.is_superuser:
        return editions
    return editions.filter(staff_roles__user=user).distinct()


def organised_editions(user: Any) -> QuerySet[Edition]:
    """The editions the user organises (all of them for a superuser): their scope in the admin.

    Only organisers get admin permissions (see `services.role_group`), and the admin's
    actions run for anyone who may see a list, so a viewer's editions are not in it.
    """
    editions = Edition.objects.order_by("-start_date")
    if user.is_superuser:
        return editions
    if not user.is_authenticated or not user.is_active:
        return editions.none()
    return editions.filter(staff_roles__user=user, staff_roles__role=Role.ORGANISER).distinct()
