"""Whom the evaluation survey goes to: those who were checked in at the door (or everyone
still registered, if the organisers chose so), each with the sessions they had a seat in."""

from __future__ import annotations

from collections import defaultdict

from forsamling.checkin.models import CheckIn
from forsamling.conferences.models import Edition
from forsamling.registration.models import Choice, ChoiceStatus, Registration, Status
from forsamling.surveys.models import Audience
from forsamling.surveys.services import ANONYMOUS_DOMAIN, Recipient


def survey_recipients(edition: Edition, audience: str) -> list[Recipient]:
    """Three queries."""
    people = Registration.objects.filter(edition=edition, status=Status.ACTIVE).exclude(
        email__endswith=ANONYMOUS_DOMAIN
    )
    if audience == Audience.CHECKED_IN:
        people = people.filter(
            pk__in=CheckIn.objects.filter(registration__edition=edition).values("registration")
        )
    rows = list(people.order_by("id").values_list("pk", "email", "name"))
    sessions: dict[int, list[int]] = defaultdict(list)
    for registration_id, session_id in Choice.objects.filter(
        registration__in=[pk for pk, _e, _n in rows], status=ChoiceStatus.CONFIRMED
    ).values_list("registration_id", "session_id"):
        sessions[registration_id].append(session_id)
    return [Recipient(pk, email, name, tuple(sorted(sessions[pk]))) for pk, email, name in rows]
