"""`backoffice_menu`: the menu's groups and links one role may see, the current page marked."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from django import template
from django.urls import reverse

from forsamling.backoffice.menu import MENU

register = template.Library()


@register.simple_tag(takes_context=True)
def backoffice_menu(context: template.Context, edition_slug: str) -> list[dict[str, Any]]:
    """The groups with at least one link the role's actions allow, in the menu's order."""
    actions: Container[str] = context.get("actions") or ()
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    here = match.url_name if match is not None and match.namespace == "backoffice" else None
    groups = []
    for group in MENU:
        links = [
            {
                "label": link.label,
                "url": reverse(f"backoffice:{link.url_name}", args=[edition_slug]),
                "current": link.url_name == here,
            }
            for link in group.links
            if link.action in actions
        ]
        if links:
            groups.append({"label": group.label, "slug": group.slug, "links": links})
    return groups
