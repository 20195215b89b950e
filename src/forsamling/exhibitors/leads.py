"""Lead scanning: stand staff scan a visitor's badge, and the exhibitor downloads the visitors
who consented to share their contact details with exhibitors.

The consent lives on the privacy app's consent records (purpose `LEADS_CONSENT`); this app is
below the privacy app, so it reads them through the registration's `consents` relation. A
lead is shown and downloaded only while that consent is in force: withdrawing it takes the
person off every exhibitor's list at once, with nothing to clean up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from forsamling.checkin.tokens import registration_id_from_code
from forsamling.domain import leads as rules
from forsamling.exhibitors.models import Exhibitor, Lead, new_token
from forsamling.outputs.spreadsheets import to_csv, to_xlsx
from forsamling.registration.models import Registration

HEADERS = ["Navn", "Organisation", "Stilling", "E-mail", "Scannet", "Note"]


@dataclass(frozen=True)
class Scan:
    lead: Lead
    created: bool


def record_lead(*, exhibitor: Exhibitor, code: str, note: str = "") -> Scan:
    """Stores the badge's holder as the exhibitor's lead, once; a second scan of the same
    badge changes nothing but the note (when one is written). Raises `rules.UnknownBadge` or
    `rules.NoConsent`, storing nothing."""
    registration_id = registration_id_from_code(code)
    with transaction.atomic(durable=True):
        # One scan at a time per exhibitor: two phones at the stand scanning the same badge
        # store one lead.
        Exhibitor.objects.select_for_update().filter(pk=exhibitor.pk).first()
        registration = (
            Registration.objects.filter(pk=registration_id).first()
            if registration_id is not None
            else None
        )
        rules.check_scan(
            found=registration is not None,
            same_edition=registration is not None
            and registration.edition_id == exhibitor.edition_id,
            active=registration is not None and registration.is_active,
            consented=registration is not None and _consents(registration),
        )
        assert registration is not None
        lead, created = Lead.objects.get_or_create(
            exhibitor=exhibitor,
            registration=registration,
            defaults={"scanned_at": timezone.now(), "note": note},
        )
        if not created and note and note != lead.note:
            lead.note = note
            lead.save(update_fields=["note"])
    return Scan(lead=lead, created=created)


def new_scan_link(*, exhibitor: Exhibitor) -> str:
    """Gives the exhibitor a new scan-only link for the stand staff and returns its token; the
    link made before stops working at once (the contact's way to take it back)."""
    token = new_token()
    with transaction.atomic(durable=True):
        Exhibitor.objects.filter(pk=exhibitor.pk).update(scan_token=token)
    exhibitor.scan_token = token
    return token


def shared_leads(exhibitor: Exhibitor) -> QuerySet[Lead]:
    """The exhibitor's leads whose consent is in force, newest first."""
    return (
        Lead.objects.filter(
            exhibitor=exhibitor,
            registration__consents__purpose=rules.LEADS_CONSENT,
            registration__consents__withdrawn_at__isnull=True,
        )
        .select_related("registration")
        .order_by("-scanned_at", "-id")
    )


def lead_rows(leads: QuerySet[Lead]) -> list[list[Any]]:
    return [
        [
            lead.registration.name,
            lead.registration.organisation,
            lead.registration.job_title,
            lead.registration.email,
            timezone.localtime(lead.scanned_at).replace(tzinfo=None),
            lead.note,
        ]
        for lead in leads
    ]


def leads_csv(exhibitor: Exhibitor) -> bytes:
    return to_csv(HEADERS, lead_rows(shared_leads(exhibitor)))


def leads_xlsx(exhibitor: Exhibitor) -> bytes:
    return to_xlsx("Leads", HEADERS, lead_rows(shared_leads(exhibitor)))


def _consents(registration: Registration) -> bool:
    return registration.consents.filter(
        purpose=rules.LEADS_CONSENT, withdrawn_at__isnull=True
    ).exists()
