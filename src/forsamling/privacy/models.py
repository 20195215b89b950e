"""Personal data by design: each edition's privacy notice, consents, retention and requests.

State changes go through `services.py` (consents, erasure, export) and `retention.py`
(anonymisation on the edition's dates). These rows hold no personal data themselves beyond
the registration they point to: a consent's wording and times, a request's kind and outcome.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import done_by
from forsamling.conferences.models import Edition
from forsamling.domain.retention import DataCategory, RetentionPolicy, deletion_dates
from forsamling.registration.models import Registration


class PrivacySettings(models.Model):
    """An edition's retention periods and whether it asks for consent to photos."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="privacy_settings"
    )
    needs_days = models.PositiveSmallIntegerField(
        _("kosthensyn og behov slettes, dage efter konferencen"), default=14
    )
    personal_months = models.PositiveSmallIntegerField(
        _("øvrige personoplysninger slettes, måneder efter konferencen"), default=6
    )
    invoice_years = models.PositiveSmallIntegerField(
        _("fakturalinjer gemmes, år efter fakturaåret"),
        default=5,
        help_text=_("Bogføringsloven kræver 5 år fra udgangen af regnskabsåret."),
    )
    asks_photo_consent = models.BooleanField(
        _("spørg om samtykke til fotos"),
        default=False,
        help_text=_("Deltagerne kan give og trække samtykke til fotos på deres personlige side."),
    )

    class Meta:
        verbose_name = _("persondataindstillinger")
        verbose_name_plural = _("persondataindstillinger")

    def __str__(self) -> str:
        return str(self.edition)

    @property
    def policy(self) -> RetentionPolicy:
        return RetentionPolicy(
            needs_days=self.needs_days,
            personal_months=self.personal_months,
            invoice_years=self.invoice_years,
        )

    def deletion_dates(self) -> dict[DataCategory, date]:
        return deletion_dates(
            self.policy,
            conference_end=self.edition.end_date,
            invoice_year=invoice_year(self.edition),
        )


def invoice_year(edition: Edition) -> int:
    """The financial year an edition's participant invoices belong to: the conference's."""
    return edition.end_date.year


class RequestKind(models.TextChoices):
    EXPORT_PAGE = "export_page", _("Indsigt (side)")
    EXPORT_JSON = "export_json", _("Indsigt (JSON-fil)")
    ERASURE = "erasure", _("Sletning")


class RequestOutcome(models.TextChoices):
    EXPORTED = "exported", _("Udleveret")
    CANCELLED = "cancelled", _("Afmeldt; resten slettes efter bekræftelsen")
    ANONYMISED = "anonymised", _("Anonymiseret")


class DataRequest(models.Model):
    """An audit entry for a request to see or erase one's data: who, when, what came of it.

    It names the registration by id only (anonymised with it), and an organiser's user when
    an organiser acted on the person's behalf.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("anmodning"), max_length=20, choices=RequestKind.choices)
    outcome = models.CharField(_("resultat"), max_length=20, choices=RequestOutcome.choices)
    by_user = done_by(_("udført af arrangør"), blank=True)
    at = models.DateTimeField(_("tidspunkt"))
    anonymise_after = models.DateTimeField(_("anonymiseres efter"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymiseret"), null=True, blank=True)

    class Meta:
        verbose_name = _("anmodning om indsigt eller sletning")
        verbose_name_plural = _("anmodninger om indsigt eller sletning")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"


class RetentionRun(models.Model):
    """What one run of the retention anonymised in an edition, per category: the proof."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(
        _("kategori"),
        max_length=10,
        choices=[
            (DataCategory.NEEDS.value, _("Kosthensyn og behov")),
            (DataCategory.PERSONAL.value, _("Øvrige personoplysninger")),
            (DataCategory.INVOICE.value, _("Fakturalinjer")),
        ],
    )
    ran_at = models.DateTimeField(_("kørt"))
    rows = models.PositiveIntegerField(_("rækker"))

    class Meta:
        verbose_name = _("sletning efter tidsfrist")
        verbose_name_plural = _("sletninger efter tidsfrist")
        ordering = ["-ran_at", "-id"]

    def __str__(self) -> str:
        return f"{self.edition} {self.category}: {self.rows}"


class RetainedInvoiceLine(models.Model):
    """A buyer's invoice line, kept for bookkeeping after the registration is anonymised,
    and removed on its own date (`PrivacySettings.invoice_years` after `invoice_year`)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    registration = models.OneToOneField(
        Registration, null=True, on_delete=models.SET_NULL, related_name="retained_invoice_line"
    )
    invoice_year = models.PositiveSmallIntegerField(_("fakturaår"))
    organisation = models.CharField(_("organisation"), max_length=200)
    ean = models.CharField(_("EAN-nummer"), max_length=13, blank=True)
    order_reference = models.CharField(_("ordrenummer"), max_length=100, blank=True)
    name = models.CharField(_("deltager"), max_length=200)
    person_reference = models.CharField(_("personreference"), max_length=100, blank=True)
    category = models.CharField(_("kategori"), max_length=200)
    amount = models.DecimalField(_("beløb"), max_digits=9, decimal_places=2)
    is_cancellation_fee = models.BooleanField(_("afbudsgebyr"), default=False)

    class Meta:
        verbose_name = _("gemt fakturalinje")
        verbose_name_plural = _("gemte fakturalinjer")
        ordering = ["edition", "organisation", "id"]

    def __str__(self) -> str:
        return f"{self.invoice_year} {self.organisation}: {self.amount}"


class AccessLink(models.Model):
    """A link mailed to an address that asked for its data ("Få dine data"): for people with
    or without a registration (a secretary, an exhibitor's contact, a nominator). Only the
    token's hash is kept; the link works for an hour and ends with an erasure."""

    email = models.EmailField(_("e-mail"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    expires_at = models.DateTimeField(_("udløber"))
    used_at = models.DateTimeField(_("brugt til sletning"), null=True, blank=True)

    class Meta:
        verbose_name = _("link til egne data")
        verbose_name_plural = _("links til egne data")

    def __str__(self) -> str:
        return f"{self.pk}: {self.expires_at:%Y-%m-%d %H:%M}"
