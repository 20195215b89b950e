"""`links_for`: the prize's links (nominee pages, the winner) for one programme item."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def links_for(links: dict[str, list[dict[str, str]]] | None, uid: Any) -> list[dict[str, str]]:
    if not links:
        return []
    return links.get(str(uid), [])
