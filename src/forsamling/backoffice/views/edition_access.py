"""The first step of every back-office page of one edition: the edition its address names
(404 if none) and what the user may do in it, refused (403) without the page's own action.

The actions go on to the template: the menu (`backoffice/menu.py`) shows only what they allow.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from forsamling.accounts.access import require
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Action


def edition_for(request: HttpRequest, slug: str, action: Action) -> tuple[Edition, set[Action]]:
    edition = get_object_or_404(Edition, slug=slug)
    return edition, require(request, edition, action)
