"""Reads for the check-in desk."""

from __future__ import annotations

from django.db.models import QuerySet

from forsamling.checkin.tokens import registration_id_from_code
from forsamling.conferences.models import Edition
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
