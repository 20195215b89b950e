"""The API's two doors: public resources of a public edition, and a token's scopes."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from forsamling.api.access import token_allows
from forsamling.api.models import ApiToken, Scope


class PublicEdition(BasePermission):
    """Anyone reads a public edition; a hidden one only a token of its own that reads the
    programme (to others it does not exist)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        edition = view.edition
        if edition.is_public:
            return True
        token = request.auth
        if isinstance(token, ApiToken) and token_allows(token, edition, Scope.READ_PROGRAMME):
            return True
        raise NotFound


class TokenScope(BasePermission):
    """A token for this edition with one of the view's scopes for the request's method; no
    token: 401, another edition's token or too few scopes: 403."""

    def has_permission(self, request: Request, view: Any) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return False
        scopes = view.scopes_for(request.method)
        return any(token_allows(token, view.edition, scope) for scope in scopes)
