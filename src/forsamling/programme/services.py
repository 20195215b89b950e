"""Changes to the programme: each one function, one transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.programme.models import ProgrammeVersion
from forsamling.programme.snapshot import build_snapshot


@transaction.atomic
def publish_programme(
    *,
    edition: Edition,
    comment: str,
    publish_at: datetime | None = None,
    user: Any = None,
) -> ProgrammeVersion:
    """Freeze the edition's draft programme as its next numbered version.

    The edition row is locked first so two organisers publishing at once get consecutive
    numbers instead of a unique-constraint error. The public sees the version from
    `publish_at` on (at once when it is None).
    """
    # FOR NO KEY UPDATE: it still makes two publishings wait for each other, but not the
    # registrations, whose rows refer to the edition (their foreign-key checks take a KEY
    # SHARE lock on it, which plain FOR UPDATE would hold up while the snapshot is built).
    Edition.objects.select_for_update(no_key=True).only("pk").get(pk=edition.pk)
    last = ProgrammeVersion.objects.filter(edition=edition).aggregate(last=Max("number"))["last"]
    version = ProgrammeVersion.objects.create(
        edition=edition,
        number=(last or 0) + 1,
        comment=comment,
        snapshot=build_snapshot(edition),
        publish_at=publish_at,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    transaction.on_commit(lambda: _announce_when_public(version))
    return version


def _announce_when_public(version: ProgrammeVersion) -> None:
    """Participants are told what changed for them once the version is public, not before."""
    from forsamling.registration.tasks import announce_programme_changes

    task = announce_programme_changes
    if version.publish_at is not None and version.publish_at > timezone.now():
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=version.publish_at)
    task.enqueue(version.pk)
