"""Who may do what in the back office: roles per edition, as plain rules.

A user holds roles per edition (organiser, check-in staff, viewer, prize jury). The rules here
decide from those roles alone; `forsamling.accounts.access` looks the roles up and adds the
second factor.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    ORGANISER = "organiser"
    CHECKIN = "checkin"
    VIEWER = "viewer"
    JURY = "jury"  # scores the prize's nominations


class Action(StrEnum):
    VIEW = "view"  # the overview and the lists
    EXPORT = "export"  # CSV/XLSX and finished PDFs: personal data leaves the system
    MAKE_PDF = "make_pdf"
    SEND_MESSAGE = "send_message"
    CHECK_IN = "check_in"
    CHANGE_REGISTRATION = "change_registration"  # move a participant, on their behalf
    INVOICE = "invoice"  # draft, issue, credit and download invoices; the seller's data
    VIEW_NEEDS = "view_needs"  # each person's dietary and accessibility needs (health data)
    MANAGE_PRIVACY = "manage_privacy"  # the privacy notice, retention and the requests' audit
    SCORE_PRIZE = "score_prize"  # a juror's own scores for the prize's nominations
    MANAGE_PRIZE = "manage_prize"  # the prize's settings, ranking and publishing
    MANAGE_REGISTRATION = "manage_registration"  # pause registration, invitation codes
    MANAGE = "manage"  # the edition's data in the admin, roles and preference rounds


ALLOWED: dict[Role, frozenset[Action]] = {
    Role.ORGANISER: frozenset(Action),
    Role.VIEWER: frozenset({Action.VIEW, Action.EXPORT}),
    Role.CHECKIN: frozenset({Action.CHECK_IN}),
    Role.JURY: frozenset({Action.SCORE_PRIZE}),
}


def may(*, roles: Iterable[Role], action: Action, is_superuser: bool = False) -> bool:
    """Superusers may do everything; others what one of their roles for the edition allows."""
    if is_superuser:
        return True
    return any(action in ALLOWED[role] for role in roles)


def roles_allowing(action: Action) -> frozenset[Role]:
    """The roles that allow the action: who may do it, for querying editions by role."""
    return frozenset(role for role, actions in ALLOWED.items() if action in actions)


def second_factor_ok(*, required: bool, is_staff: bool, verified: bool) -> bool:
    """When a second factor is required, a staff user must have proved one this session."""
    if not required or not is_staff:
        return True
    return verified
