"""When each kind of personal data goes, and what an erasure request does: plain rules.

An edition keeps three kinds of personal data for three purposes, each with its own end:

- `NEEDS`: dietary and accessibility needs (may be health data), needed for the conference
  itself; by default gone 14 days after its last day.
- `PERSONAL`: everything else that names a person (names, e-mails, phones, job titles,
  committees, free text, private links, stored e-mails, audit texts, stand staff), needed for
  questions and follow-up after the conference; by default gone 6 months after its last day.
- `INVOICE`: the buyer's invoice lines, which bookkeeping law (bogføringsloven § 12) requires
  for 5 years from the end of the financial year the invoice belongs to; by default gone on
  1 January of the sixth year after the invoice year.

The service layer reads the dates from here and anonymises on them; the back office's record
of processing shows the same dates.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class DataCategory(StrEnum):
    NEEDS = "needs"
    PERSONAL = "personal"
    INVOICE = "invoice"


@dataclass(frozen=True)
class RetentionPolicy:
    """An edition's retention periods, as organisers set them (the defaults are KL's)."""

    needs_days: int = 14
    personal_months: int = 6
    invoice_years: int = 5

    def __post_init__(self) -> None:
        if self.needs_days < 0 or self.personal_months < 0 or self.invoice_years < 0:
            raise ValueError("Retention periods cannot be negative")


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day if it has no such day (31 Aug + 6 =
    28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deletion_dates(
    policy: RetentionPolicy, *, conference_end: date, invoice_year: int
) -> dict[DataCategory, date]:
    """The first day on which each category's data is no longer kept.

    Needs and personal data are counted from the conference's last day; invoice data from the
    end of the invoice year. Needs never outlive the rest of the personal data.
    """
    personal = add_months(conference_end, policy.personal_months)
    needs = min(conference_end + timedelta(days=policy.needs_days), personal)
    invoice = invoice_deletion_date(policy, invoice_year)
    return {
        DataCategory.NEEDS: needs,
        DataCategory.PERSONAL: personal,
        DataCategory.INVOICE: invoice,
    }


def due_categories(
    policy: RetentionPolicy, *, conference_end: date, invoice_year: int, today: date
) -> set[DataCategory]:
    """The categories whose deletion date has come (on or before `today`)."""
    dates = deletion_dates(policy, conference_end=conference_end, invoice_year=invoice_year)
    return {category for category, day in dates.items() if day <= today}


def invoice_deletion_date(policy: RetentionPolicy, invoice_year: int) -> date:
    """Kept to the end of the `invoice_years`th year after the invoice year, then removed."""
    return date(invoice_year + policy.invoice_years + 1, 1, 1)


class ErasureEffect(StrEnum):
    CANCEL = "cancel"  # before the conference: the registration is cancelled (fee rules apply)
    ANONYMISE = "anonymise"  # from the first day on: anonymised at once, invoice lines kept


def erasure_effect(*, today: date, conference_start: date, is_active: bool) -> ErasureEffect:
    """What a participant's request for erasure does.

    Before the conference an active registration is cancelled through the ordinary
    cancellation (its rules and fee apply; the rest is anonymised once the confirmation of
    the cancellation has gone out). From the first day, or for a registration already
    cancelled, the data is anonymised at once.
    """
    if is_active and today < conference_start:
        return ErasureEffect.CANCEL
    return ErasureEffect.ANONYMISE
