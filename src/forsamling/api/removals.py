"""Tombstones for the organisers' lists: what was deleted, for clients that sync with
`?changed_since=` (`GET /api/v1/editions/{slug}/removed/`).

A deleted choice (a session given up, a cancellation), a deleted check-in, a draft invoice
made afresh and a deleted registration leave a `Removal` row with the id and the moment.
They are recorded by `post_delete` receivers, the one exception to "no logic in signals":
the API sits above the apps that delete these rows (registration, checkin, invoicing), which
must not know it, and a receiver catches every path, the cascades included. Deleting a whole
edition records nothing: its tombstones would go with it.

People who were erased are not deleted but anonymised; they leave the lists too, and the
removed list reports them from the registration's `updated_at` (reason "erased").
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import CharField, F, QuerySet, Value
from django.db.models.signals import post_delete

from forsamling.api.models import Removal, RemovedKind
from forsamling.checkin.models import CheckIn
from forsamling.conferences.models import Edition
from forsamling.invoicing.models import Invoice
from forsamling.privacy.anonymise import ANONYMOUS_DOMAIN
from forsamling.registration.models import Choice, Registration

DELETED = "deleted"
ERASED = "erased"


def _from_an_edition(origin: Any) -> bool:
    """Whether the deletion started at an edition (one, or a queryset of them)."""
    if isinstance(origin, Edition):
        return True
    return isinstance(origin, QuerySet) and origin.model is Edition


def _edition_of(instance: Any) -> int | None:
    if isinstance(instance, Registration | Invoice):
        return int(instance.edition_id)
    registration_id = instance.registration_id
    edition_id = (
        Registration.objects.filter(pk=registration_id).values_list("edition_id", flat=True).first()
    )
    return edition_id


KINDS: dict[type[Any], str] = {
    Registration: RemovedKind.REGISTRATION,
    Choice: RemovedKind.CHOICE,
    CheckIn: RemovedKind.CHECKIN,
    Invoice: RemovedKind.INVOICE,
}


def record_removal(sender: type[Any], instance: Any, origin: Any = None, **kwargs: Any) -> None:
    if _from_an_edition(origin):
        return
    edition_id = _edition_of(instance)
    if edition_id is None:  # its registration went first: that one's tombstone tells it
        return
    Removal.objects.create(edition_id=edition_id, kind=KINDS[sender], object_id=instance.pk)


def connect() -> None:
    for model in KINDS:
        post_delete.connect(record_removal, sender=model, dispatch_uid=f"api-removal-{model}")


def removed(edition: Edition, *, since: datetime | None, kind: str | None) -> QuerySet[Any]:
    """Tombstones and erased registrations as rows of kind, object_id, removed_at and reason,
    oldest first; `since` and `kind` narrow both before they are joined."""
    tombstones = Removal.objects.filter(edition=edition)
    erased = Registration.objects.filter(edition=edition, email__endswith=f"@{ANONYMOUS_DOMAIN}")
    if since is not None:
        tombstones = tombstones.filter(removed_at__gte=since)
        erased = erased.filter(updated_at__gte=since)
    if kind is not None:
        tombstones = tombstones.filter(kind=kind)
        if kind != RemovedKind.REGISTRATION:
            erased = erased.none()
    # Unordered parts: a compound statement takes its ORDER BY once, at the end.
    rows = (
        tombstones.order_by()
        .annotate(reason=Value(DELETED, output_field=CharField()))
        .values("kind", "object_id", "removed_at", "reason")
    )
    people = (
        erased.order_by()
        .annotate(
            removed_kind=Value(RemovedKind.REGISTRATION.value, output_field=CharField()),
            removed_id=F("pk"),
            removed_at=F("updated_at"),
            reason=Value(ERASED, output_field=CharField()),
        )
        .values("removed_kind", "removed_id", "removed_at", "reason")
    )
    return rows.union(people, all=True).order_by("removed_at", "object_id")
