"""Bursts of registrations: many from one network (an IPv4 address, an IPv6 /64) or one
e-mail domain in a short time, shown to the organisers, who may cancel them in one step.

Nothing here refuses anyone (a town hall registers from one gateway at 10.00); the proof of
work makes a script pay for its count (`core.abuse`), and the organisers see the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from forsamling.conferences.models import Edition
from forsamling.domain.audit import Actor
from forsamling.registration.models import Registration, Status
from forsamling.registration.services import cancel_registration_in_transaction


@dataclass(frozen=True)
class Burst:
    kind: str  # "network" or "domain"
    key: str
    registrations: list[Registration]

    @property
    def count(self) -> int:
        return len(self.registrations)

    @property
    def ids(self) -> str:
        return ",".join(str(r.pk) for r in self.registrations)


def recent_bursts(edition: Edition, *, since: datetime, threshold: int) -> list[Burst]:
    """The networks and e-mail domains with at least `threshold` active registrations made
    since `since`, the largest first; one query."""
    rows = list(
        Registration.objects.filter(edition=edition, status=Status.ACTIVE, created_at__gte=since)
        .only("pk", "name", "email", "organisation", "network", "created_at")
        .order_by("created_at", "pk")
    )
    groups: dict[tuple[str, str], list[Registration]] = defaultdict(list)
    for registration in rows:
        if registration.network and registration.network != "unknown":
            groups["network", registration.network].append(registration)
        groups["domain", registration.email.rsplit("@", 1)[-1].lower()].append(registration)
    bursts = [
        Burst(kind, key, found) for (kind, key), found in groups.items() if len(found) >= threshold
    ]
    return sorted(bursts, key=lambda b: (-b.count, b.kind, b.key))


def cancel_burst(*, edition: Edition, ids: Sequence[int], actor: Actor) -> int:
    """Cancels the edition's active registrations among `ids` with the participants' own
    cancellation (seats to the waiting lists, the confirmation e-mail after the commit), all
    in one transaction; returns how many."""
    with transaction.atomic(durable=True):
        registrations = list(
            Registration.objects.select_related("category", "edition")
            .filter(edition=edition, status=Status.ACTIVE, pk__in=list(ids))
            .order_by("pk")
        )
        for registration in registrations:
            cancel_registration_in_transaction(registration=registration, actor=actor)
    return len(registrations)
