"""The one state change of the figures: keeping the committee counts of registrations about
to be anonymised."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import F

from forsamling.figures.models import CommitteeCount
from forsamling.registration.models import Registration, Status


def keep_committee_counts(registrations: Iterable[Registration]) -> None:
    """Adds the active registrations' committees to the kept counts. Called by the
    anonymisation inside its transaction, just before it empties the committees, so each
    registration is counted once (an anonymised one has no committee left)."""
    counts: Counter[tuple[int, str]] = Counter()
    for registration in registrations:
        committee = " ".join(registration.committee.split())
        if committee and registration.status == Status.ACTIVE:
            counts[(registration.edition_id, committee)] += 1
    for (edition_id, committee), n in counts.items():
        row, _ = CommitteeCount.objects.get_or_create(edition_id=edition_id, committee=committee)
        CommitteeCount.objects.filter(pk=row.pk).update(count=F("count") + n)
