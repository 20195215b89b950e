"""Reads for the check-in desk."""

from __future__ import annotations

from django.db.models import QuerySet

from forsamling.checkin.tokens import badge_code, registration_id_from_code
from forsamling.conferences.models import Edition
from forsamling.domain.danish import danish_sort_key
from forsamling.registration.models import Registration, Status


def badge_holder(edition: Edition, code: str) -> Registration | None:
    """The registration a badge code belongs to, if the code is genuine and for this edition."""
    registration_id = registration_id_from_code(code)
    if registration_id is None:
        return None
    return (
        Registration.objects.select_related("category", "checkin", "checkin__by")
        .filter(edition=edition, pk=registration_id)
        .first()
    )


def arrivals(edition: Edition) -> QuerySet[Registration]:
    return Registration.objects.filter(edition=edition, status=Status.ACTIVE, checkin__isnull=False)


def find_by_name(edition: Edition, text: str, *, limit: int = 20) -> list[tuple[Registration, str]]:
    """Active participants whose name or organisation holds the text, with their badge code.

    For the participant who forgot the badge. Matched in Python, so æ, ø and å match
    whatever their case (SQLite's LIKE folds ASCII only).
    """
    needle = " ".join(text.casefold().split())
    if len(needle) < 2:
        return []
    candidates = Registration.objects.filter(edition=edition, status=Status.ACTIVE).values_list(
        "pk", "name", "organisation"
    )
    wanted = [
        pk
        for pk, name, organisation in candidates
        if needle in name.casefold() or needle in organisation.casefold()
    ][:limit]
    found = Registration.objects.filter(pk__in=wanted).select_related("checkin")
    return [
        (r, badge_code(r.pk)) for r in sorted(found, key=lambda r: (danish_sort_key(r.name), r.pk))
    ]
