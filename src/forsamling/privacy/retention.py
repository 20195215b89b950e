"""Retention that runs by itself: each edition's data goes on its dates, and pending erasures.

`apply_retention(now=…)` is idempotent: run it every hour or twice in a row, it changes only
what is due and not yet done. The scheduled task (`scheduling.apply_retention_task`) and
`manage.py apply_retention` both call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.domain.retention import DataCategory, due_categories, invoice_deletion_date
from forsamling.privacy import access, counters, erasure, invoices
from forsamling.privacy.anonymise import anonymise_edition, anonymise_registrations, erase_needs
from forsamling.privacy.models import (
    DataRequest,
    PrivacySettings,
    RetainedInvoiceLine,
    RetentionRun,
    invoice_year,
)
from forsamling.registration.models import Registration


@dataclass(frozen=True)
class Applied:
    edition: str
    category: str
    rows: int


def settings_for(edition: Edition) -> PrivacySettings:
    """The edition's settings, or the defaults (unsaved) if organisers never changed them."""
    found = PrivacySettings.objects.filter(edition=edition).select_related("edition").first()
    return found or PrivacySettings(edition=edition)


def apply_retention(
    *, now: datetime | None = None, edition: Edition | None = None
) -> list[Applied]:
    """Anonymises what is due at `now` in one edition or all; returns what it did."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    editions = [edition] if edition is not None else list(Edition.objects.all())
    applied: list[Applied] = []
    applied += _pending_erasures(now, edition)
    for each in editions:
        settings = settings_for(each)
        due = due_categories(
            settings.policy,
            conference_end=each.end_date,
            invoice_year=invoice_year(each),
            today=today,
        )
        done = {
            DataCategory.NEEDS: lambda e=each: erase_needs(e),
            DataCategory.PERSONAL: lambda e=each: anonymise_edition(e, now),
        }
        for category in (DataCategory.NEEDS, DataCategory.PERSONAL):
            if category in due and (rows := done[category]()):
                applied.append(_record(each, category, rows, now))
        lines = [
            line.pk
            for line in RetainedInvoiceLine.objects.filter(edition=each).only("pk", "invoice_year")
            if invoice_deletion_date(settings.policy, line.invoice_year) <= today
        ]
        expired = invoices.expire_invoices(each, settings.policy, today)
        if lines:
            RetainedInvoiceLine.objects.filter(pk__in=lines).delete()
        if lines or expired:
            applied.append(_record(each, DataCategory.INVOICE, len(lines) + expired, now))
    if links_gone := access.delete_expired(now):
        applied.append(Applied("*", "access_links", links_gone))
    if counters_gone := counters.delete_expired_counters(now):
        applied.append(Applied("*", "counters", counters_gone))
    return applied


def _pending_erasures(now: datetime, edition: Edition | None) -> list[Applied]:
    """Erasures asked for before the conference: the rest goes once the cancellation's
    confirmation has been sent (`anonymise_after`)."""
    pending = DataRequest.objects.filter(
        anonymise_after__lte=now, anonymised_at__isnull=True, registration__isnull=False
    )
    if edition is not None:
        pending = pending.filter(edition=edition)
    applied = []
    for request in pending.select_related("edition"):
        with transaction.atomic(durable=True):
            rows = anonymise_registrations(
                Registration.objects.filter(pk__in=[request.registration_id]), now
            )
            rows += erasure.scrub_messages([request.registration_id or 0])
            request.anonymised_at = now
            request.save(update_fields=["anonymised_at"])
        applied.append(Applied(request.edition.slug, "erasure", rows))
    return applied


def _record(edition: Edition, category: DataCategory, rows: int, now: datetime) -> Applied:
    RetentionRun.objects.create(edition=edition, category=category, ran_at=now, rows=rows)
    return Applied(edition.slug, category.value, rows)
