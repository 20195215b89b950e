"""The one access rule for staff: the user's roles for the edition, and the second factor.

Every organiser page and action asks here, nowhere else (the back office's pages, and any other
page app that shows edition data to staff):
- a page of one edition calls `require(request, edition, action)` before it reads anything else;
- a page of no edition (the list of editions) calls `require_staff(request)`;
- Django's admin asks through `backoffice.admin_scoping`, which lets a user change the rows of
  the editions where their role allows `Action.MANAGE` (organisers), and asks `admin_may`.

What each role allows is written in `forsamling.domain.permissions`. Django's model permissions
are not consulted for edition data: they are global, and a role is per edition.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest

from forsamling.accounts.models import EditionRole
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Action, Role, may, roles_allowing, second_factor_ok


def otp_required() -> bool:
    return bool(getattr(settings, "FORSAMLING_REQUIRE_OTP", True))


def is_verified(request: HttpRequest) -> bool:
    """Whether the request's user has proved the second factor (or needs none)."""
    user = request.user
    # OTPMiddleware gives request.user `is_verified`; a user logged in during this request
    # has only the `otp_device` that django_otp's login handler set.
    check = getattr(user, "is_verified", None)
    verified = check() if callable(check) else getattr(user, "otp_device", None) is not None
    return second_factor_ok(
        required=otp_required(),
        is_staff=bool(getattr(user, "is_staff", False)),
        verified=bool(verified),
    )


def is_staff(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


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
    if not is_staff(user):
        return False
    return may(roles=roles_for(user, edition), action=action, is_superuser=user.is_superuser)


def allowed_actions(user: Any, edition: Edition) -> set[Action]:
    """What the user may do here, for showing only the links that lead somewhere."""
    if not is_staff(user):
        return set()
    if user.is_superuser:
        return set(Action)
    roles = roles_for(user, edition)
    return {a for a in Action if may(roles=roles, action=a)}


def require_staff(request: HttpRequest) -> None:
    """For pages of no edition: a staff user who has proved the second factor (if required)."""
    if not is_staff(request.user) or not is_verified(request):
        raise PermissionDenied


def require(request: HttpRequest, edition: Edition, action: Action) -> set[Action]:
    """Raises PermissionDenied unless the user may; returns all the user may do here."""
    require_staff(request)
    actions = allowed_actions(request.user, edition)
    if action not in actions:
        raise PermissionDenied
    return actions


def may_manage_logins(user: Any) -> bool:
    """Who sees the locked-out logins and may lift a lockout: superusers and organisers."""
    if not is_staff(user):
        return False
    return bool(user.is_superuser or editions_where(user, Action.MANAGE).exists())


def lockout_scope(user: Any) -> frozenset[str] | None:
    """The login names whose lockouts the user sees and may lift; None: every one.

    Superusers see all, also names that belong to no user (someone guessing). An organiser
    sees the names (user names and addresses, in lower case) of the staff who have a role in
    an edition they organise, themselves included, but not of superusers: lifting a lockout
    lets guessing start again, and an organiser of one edition has no say over another's
    staff or the superusers. Participants have no logins, so there are none of theirs.
    """
    if user.is_superuser:
        return None
    staff = (
        EditionRole.objects.filter(edition__in=organised_editions(user), user__is_superuser=False)
        .values_list("user__username", "user__email")
        .distinct()
    )
    return frozenset(name.lower() for pair in staff for name in pair if name)


def require_login_admin(request: HttpRequest) -> None:
    require_staff(request)
    if not may_manage_logins(request.user):
        raise PermissionDenied


def editions_for(user: Any) -> QuerySet[Edition]:
    """The editions the user has a role for (all of them for a superuser)."""
    editions = Edition.objects.order_by("-start_date")
    if user.is_superuser:
        return editions
    if not is_staff(user):
        return editions.none()
    return editions.filter(staff_roles__user=user).distinct()


def editions_where(user: Any, action: Action) -> QuerySet[Edition]:
    """The editions where the user may do `action` (all of them for a superuser)."""
    editions = Edition.objects.order_by("-start_date")
    if user.is_superuser and user.is_active:
        return editions
    if not is_staff(user):
        return editions.none()
    roles = [role.value for role in roles_allowing(action)]
    return editions.filter(staff_roles__user=user, staff_roles__role__in=roles).distinct()


def organised_editions(user: Any) -> QuerySet[Edition]:
    """The editions the user organises (all of them for a superuser): their scope in the admin.

    Only organisers work in the admin: several admin actions (cancel registrations, fill seats,
    hold stands) run for anyone who may see a list, so a read-only role there would not be.
    """
    return editions_where(user, Action.MANAGE)


def admin_may(request: HttpRequest, edition_ids: QuerySet[Any] | None = None) -> bool:
    """Whether the user may manage in the admin: some edition, or (given the ids of an object's
    editions) one of those. The admin site has already checked staff and second factor."""
    user = request.user
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    editions = organised_editions(user)
    if edition_ids is not None:
        editions = editions.filter(pk__in=edition_ids)
    return bool(editions.exists())
