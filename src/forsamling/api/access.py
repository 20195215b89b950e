"""Who may read or write what through the API: a token's scopes, under the back office's rule.

A token works for its own edition only, while it is not revoked, and for each of its scopes
only while its organiser still holds a role for the edition that allows the matching action
(`forsamling.domain.permissions`): taking an organiser's role away stops their tokens too.
"""

from __future__ import annotations

from forsamling.accounts.access import user_may
from forsamling.api.models import ApiToken, Scope
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Action

SCOPE_ACTIONS: dict[str, Action] = {
    Scope.READ_PROGRAMME: Action.VIEW,
    Scope.READ_REGISTRATIONS: Action.EXPORT,  # personal data leaves the system
    Scope.WRITE_CHECKINS: Action.CHECK_IN,
}

# Who may make and revoke the edition's tokens in the back office.
MANAGE_TOKENS = Action.MANAGE


def token_allows(token: ApiToken, edition: Edition, scope: str) -> bool:
    return (
        token.is_active
        and token.edition_id == edition.pk
        and scope in token.scopes
        and user_may(token.user, edition, SCOPE_ACTIONS[scope])
    )


def scopes_allowed(token: ApiToken, edition: Edition) -> set[str]:
    return {scope for scope in token.scopes if token_allows(token, edition, scope)}
