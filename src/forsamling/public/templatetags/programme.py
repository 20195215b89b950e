"""Labels for the published programme's kinds and audiences (the snapshot stores the keys)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.programme.models import Audience, ItemKind, SessionKind
from forsamling.programme.queries import version_summary

register = template.Library()


@register.filter
def kind_label(value: str) -> str:
    """{{ item.kind|kind_label }} → 'Temablok'; session kinds too ('Temamøde')."""
    labels = {**dict(ItemKind.choices), **dict(SessionKind.choices)}
    return str(labels.get(value, value))


@register.filter
def audience_label(value: str) -> str:
    """{{ session.audience|audience_label }} → 'Kun folkevalgte politikere'."""
    return str(dict(Audience.choices).get(value, value))


@register.filter
def is_over(edition: Edition) -> bool:
    """{% if edition|is_over %}: the conference's last day has passed (its programme is final)."""
    return timezone.localdate() > edition.end_date


@register.inclusion_tag("public/programme/_status.html")
def programme_status(edition: Edition) -> dict[str, Any]:
    """On an edition's page: which version of the programme is out, and since when."""
    return {"edition": edition, "version": version_summary(edition)}
