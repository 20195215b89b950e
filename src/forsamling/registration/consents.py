"""The consent records a registration writes in its own transaction (issue 15, moved down in 22).

At registration, on a hand-over and when the participant-list box changes on the private page,
the registration services call these as plain steps in their transaction. The records and the
notice whose wording they carry are registration's data (`models.ConsentRecord`,
`models.PrivacyNotice`); the privacy app above builds the pages, giving and withdrawing one
consent at a time, export and erasure on them (`forsamling.privacy.consents`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition
from forsamling.core.recent import recent
from forsamling.registration.models import (
    ConsentRecord,
    GivenBy,
    PrivacyNotice,
    Purpose,
    Registration,
)

DEFAULT_LIST_CONSENT = _("Mit navn, min stilling og min organisation må stå på deltagerlisten.")
DEFAULT_LEADS_CONSENT = _(
    "Udstillere, hvis standpersonale scanner mit navneskilt, må få mit navn, min stilling, "
    "min organisation og min e-mail."
)
DEFAULT_PHOTO_CONSENT = _(
    "KL må bruge fotos fra konferencen, hvor jeg kan genkendes, i omtale af konferencen."
)


@dataclass(frozen=True)
class Wording:
    """The consent wordings in force for an edition; version 0 is the built-in default."""

    version: int
    participant_list: str
    photos: str

    def of(self, purpose: str) -> str:
        if purpose == Purpose.EXHIBITOR_LEADS:
            # Not (yet) a wording the organisers edit: the built-in one, in the notice's version.
            return str(DEFAULT_LEADS_CONSENT)
        return self.participant_list if purpose == Purpose.PARTICIPANT_LIST else self.photos


def current_wording(edition: Edition) -> Wording:
    """From the latest published notice (kept for a second per process, as the form's reads)."""

    def read() -> Wording:
        notice = (
            PrivacyNotice.objects.filter(edition=edition)
            .order_by("-version")
            .values_list("version", "list_consent_text", "photo_consent_text")
            .first()
        )
        if notice is None:
            return Wording(0, str(DEFAULT_LIST_CONSENT), str(DEFAULT_PHOTO_CONSENT))
        return Wording(*notice)

    return recent(("privacy-wording", edition.pk), read)


def record_registration_consent(registration: Registration, now: datetime) -> None:
    """At registration, in its transaction: the participant-list box as ticked, as a record.

    On the 10.00 path this is one INSERT when the box is ticked (the wording is read at most
    once a second per process), nothing when it is not.
    """
    if not registration.list_consent:
        return
    if registration.group_id is None:
        create(registration, Purpose.PARTICIPANT_LIST, now)
        return
    # Ticked by the group's secretary: recorded as theirs, and the member is off the list
    # until they confirm on their own page (`give_consent`).
    create(registration, Purpose.PARTICIPANT_LIST, now, given_by=GivenBy.SECRETARY)
    Registration.objects.filter(pk=registration.pk).update(list_consent=False)
    registration.list_consent = False


def sync_list_consent(registration: Registration, given: bool, now: datetime) -> None:
    """After `update_details` changed the box: a record given or withdrawn (in its transaction)."""
    open_ = registration.consents.filter(
        purpose=Purpose.PARTICIPANT_LIST, withdrawn_at__isnull=True
    )
    if given and not open_.filter(given_by=GivenBy.PARTICIPANT).exists():
        open_.update(withdrawn_at=now)  # the secretary's, now confirmed by the member
        create(registration, Purpose.PARTICIPANT_LIST, now)
    elif not given:
        open_.update(withdrawn_at=now)


def close_all(registration: Registration, now: datetime) -> None:
    """Every consent in force ends (a hand-over: the colleague has given none; an erasure)."""
    registration.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)


def create(
    registration: Registration, purpose: str, now: datetime, given_by: str = "participant"
) -> None:
    wording = current_wording(registration.edition)
    ConsentRecord.objects.create(
        registration=registration,
        purpose=purpose,
        version=wording.version,
        wording=wording.of(purpose),
        given_at=now,
        given_by=given_by,
    )
