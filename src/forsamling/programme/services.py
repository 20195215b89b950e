"""Changes to the programme: each one function, one transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max

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
    `publish_at` on (at once when it is None). Telling participants what changed for them is
    registration's part: the back office calls
    `registration.programme_notices.publish_and_announce`, which runs this inside its own
    durable transaction; so this one is not durable: it joins the caller's transaction.
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
    return version
