"""The one state change of the figures: keeping the committee counts of registrations about
to be anonymised."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import F

from forsamling.domain.figures import committee_key
from forsamling.domain.surveys import MIN_GROUP
from forsamling.figures.models import CommitteeCount
from forsamling.registration.models import Registration, Status


def keep_committee_counts(registrations: Iterable[Registration]) -> None:
    """Adds the active registrations' committees to the kept counts. Called by the
    anonymisation inside its transaction, just before it empties the committees, so each
    registration is counted once (an anonymised one has no committee left).

    A committee is kept by name only when at least `MIN_GROUP` of the edition's participants
    named it (those still with their committee and those kept); a rarer one, which could
    point to a person or hold a name, is kept as a count without its text (committee "")."""
    counts: Counter[tuple[int, str]] = Counter()
    totals: dict[int, Counter[str]] = {}
    for registration in registrations:
        committee = " ".join(registration.committee.split())
        if not committee or registration.status != Status.ACTIVE:
            continue
        edition_id = registration.edition_id
        if edition_id not in totals:
            totals[edition_id] = _totals(edition_id)
        key = committee_key(committee)
        counts[(edition_id, committee if totals[edition_id][key] >= MIN_GROUP else "")] += 1
    for (edition_id, committee), n in counts.items():
        row, _ = CommitteeCount.objects.get_or_create(edition_id=edition_id, committee=committee)
        CommitteeCount.objects.filter(pk=row.pk).update(count=F("count") + n)


def _totals(edition_id: int) -> Counter[str]:
    """How many of the edition's participants named each committee, by `committee_key`."""
    totals: Counter[str] = Counter()
    for text in (
        Registration.objects.filter(edition_id=edition_id, status=Status.ACTIVE)
        .exclude(committee="")
        .values_list("committee", flat=True)
    ):
        totals[committee_key(text)] += 1
    for text, n in (
        CommitteeCount.objects.filter(edition_id=edition_id)
        .exclude(committee="")
        .values_list("committee", "count")
    ):
        totals[committee_key(text)] += n
    return totals
