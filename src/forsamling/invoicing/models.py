"""Invoices and credit notes to municipalities, organisations and exhibitors.

An invoice is drafted from registrations, group bookings and stand bookings, then issued:
from then on it never changes (a change is a credit note and a new invoice). Issuing gives it
the next number of the edition's series, under the series' row lock, in the transaction
that issues it, so numbers have no gaps. State changes go through `services.py`.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import done_by, edition_key, edition_one
from forsamling.conferences.models import ContactPerson
from forsamling.domain import invoicing as rules
from forsamling.domain import public_buyers
from forsamling.exhibitors.models import Exhibitor, ExtraOrder, Stand, StandStaff
from forsamling.registration.models import Registration


def sent_file_path(invoice: Invoice, filename: str) -> str:
    """Under an unguessable folder: the media folder may be served by the web server."""
    return f"invoices/{invoice.edition.slug}/{secrets.token_urlsafe(16)}/{filename}"


class PaymentMeans(models.TextChoices):
    BANK_ACCOUNT = "42", _("Bankoverførsel til dansk konto (reg.nr. og kontonr.)")
    IBAN = "31", _("Bankoverførsel med IBAN og BIC")


class Seller(ContactPerson):
    """The seller's data on every invoice of an edition: KL's name, address, CVR, bank."""

    edition = edition_one("seller")
    name = models.CharField(_("navn"), max_length=200)
    street = models.CharField(_("adresse"), max_length=200)
    postcode = models.CharField(_("postnummer"), max_length=10)
    city = models.CharField(_("by"), max_length=100)
    cvr = models.CharField(_("CVR-nummer"), max_length=8)
    payment_means = models.CharField(
        _("betalingsmåde"),
        max_length=2,
        choices=PaymentMeans.choices,
        default=PaymentMeans.BANK_ACCOUNT,
    )
    bank_branch = models.CharField(
        _("registreringsnummer eller BIC"),
        max_length=11,
        blank=True,
        help_text=_("4 cifre for en dansk konto; BIC ved IBAN."),
    )
    bank_account = models.CharField(_("kontonummer eller IBAN"), max_length=34, blank=True)
    payment_terms_days = models.PositiveSmallIntegerField(_("betalingsfrist (dage)"), default=30)
    number_prefix = models.CharField(
        _("fakturanummer begynder med"),
        max_length=20,
        help_text=_("F.eks. 'FORUM2026-'; numrene tælles op uden huller: FORUM2026-0001 …"),
    )
    last_number = models.PositiveIntegerField(_("senest brugte nummer"), default=0, editable=False)

    class Meta:
        verbose_name = _("sælger og nummerserie")
        verbose_name_plural = _("sælgere og nummerserier")

    def __str__(self) -> str:
        return f"{self.name} ({self.edition})"

    def rule_values(self) -> dict[str, str]:
        return {
            "name": self.name,
            "cvr": self.cvr,
            "city": self.city,
            "postcode": self.postcode,
            "payment_means": self.payment_means,
            "bank_account": self.bank_account,
            "bank_branch": self.bank_branch,
        }

    @property
    def vat_id(self) -> str:
        return rules.seller_vat_id(self.cvr)


class PublicBodyKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Kommune")
    REGION = "region", _("Region")


class BuyerAddress(models.Model):
    """A buyer's CVR number and postal address, as far as they are known."""

    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True)
    street = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=10, blank=True)
    city = models.CharField(_("by"), max_length=100, blank=True)

    class Meta:
        abstract = True


class PublicBuyer(BuyerAddress):
    """A municipality or region, as its finance office wants to be invoiced: the list of the
    98 municipalities and 5 regions shipped in `data/public_buyers.json` (loaded by a data
    migration) and kept up to date by the organisers in the back office.

    An invoice to an organisation that matches an entry takes the address, CVR and EAN
    number from here where the registration gave none.
    """

    name = models.CharField(_("navn"), max_length=200, unique=True)
    short_name = models.CharField(
        _("kort navn"), max_length=100, blank=True,
        help_text=_("Navnet uden 'Kommune', som deltagere også skriver det, f.eks. 'Vejen'."),
    )  # fmt: skip
    kind = models.CharField(_("type"), max_length=20, choices=PublicBodyKind.choices)
    ean = models.CharField(
        _("hoved-EAN-nummer"), max_length=13, blank=True,
        help_text=_("Det EAN-nummer, fakturaer går til, når deltageren ikke har skrevet et."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("offentlig køber")
        verbose_name_plural = _("offentlige købere (kommuner og regioner)")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class ElectronicFormat(models.TextChoices):
    PEPPOL = "peppol", _("Peppol BIS Billing 3.0")
    OIOUBL = "oioubl", _("OIOUBL 2.1")


class Buyer(BuyerAddress):
    """Who is invoiced: a municipality, another organisation or an exhibitor.

    Made when an invoice is first drafted for the organisation (and EAN); the organisers fill
    in the address and CVR and choose "one order, one invoice" where the buyer asks for it.
    """

    edition = edition_key("buyers")
    name = models.CharField(_("navn"), max_length=200)
    ean = models.CharField(_("EAN-nummer"), max_length=13, blank=True)
    email = models.EmailField(_("e-mail til fakturaer"), blank=True)
    reference = models.CharField(
        _("fast reference"), max_length=100, blank=True,
        help_text=_(
            "Køberens ordrenummer eller personreference til alle fakturaer, når deltagerne "
            "ikke har skrevet en. Kommuner og regioner skal have en reference."
        ),
    )  # fmt: skip
    one_order_one_invoice = models.BooleanField(
        _("én ordre, én faktura"),
        default=False,
        help_text=_("Alle deltagere med samme ordrenummer på én faktura."),
    )
    electronic_format = models.CharField(
        _("elektronisk format"),
        max_length=10,
        choices=ElectronicFormat.choices,
        default=ElectronicFormat.PEPPOL,
        help_text=_("OIOUBL kun hvis køberen beder om det; NemHandel modtager begge."),
    )

    class Meta:
        verbose_name = _("køber")
        verbose_name_plural = _("købere")
        ordering = ["edition", "name", "ean"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "name", "ean"], name="buyer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.ean})" if self.ean else self.name


class Kind(models.TextChoices):
    INVOICE = "invoice", _("Faktura")
    CREDIT_NOTE = "credit_note", _("Kreditnota")


class State(models.TextChoices):
    DRAFT = rules.State.DRAFT.value, _("Kladde")
    ISSUED = rules.State.ISSUED.value, _("Udstedt")
    CREDITED = rules.State.CREDITED.value, _("Krediteret")


class Invoice(models.Model):
    """An invoice or credit note. The buyer's data is copied onto it when it is drafted, and
    frozen with everything else when it is issued."""

    edition = edition_key("invoices", on_delete=models.PROTECT)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.INVOICE)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.DRAFT)
    number = models.CharField(_("nummer"), max_length=40, blank=True)
    sequence = models.PositiveIntegerField(_("løbenummer"), null=True, blank=True)
    issue_date = models.DateField(_("fakturadato"), null=True, blank=True)
    due_date = models.DateField(_("forfaldsdato"), null=True, blank=True)
    payment_terms_days = models.PositiveSmallIntegerField(_("betalingsfrist (dage)"), default=30)

    buyer = models.ForeignKey(
        Buyer, on_delete=models.PROTECT, related_name="invoices", verbose_name=_("køber")
    )
    buyer_name = models.CharField(_("købers navn"), max_length=200)
    buyer_ean = models.CharField(_("EAN-nummer"), max_length=13, blank=True)
    buyer_cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True)
    buyer_street = models.CharField(_("adresse"), max_length=200, blank=True)
    buyer_postcode = models.CharField(_("postnummer"), max_length=10, blank=True)
    buyer_city = models.CharField(_("by"), max_length=100, blank=True)
    buyer_is_public = models.BooleanField(
        _("offentlig køber"), default=False,
        help_text=_("En kommune eller region: skal have EAN-nummer, reference og adresse."),
    )  # fmt: skip
    electronic_format = models.CharField(
        _("elektronisk format"),
        max_length=10,
        choices=ElectronicFormat.choices,
        default=ElectronicFormat.PEPPOL,
    )
    order_reference = models.CharField(_("ordrenummer"), max_length=100, blank=True)
    buyer_reference = models.CharField(_("personreference"), max_length=100, blank=True)

    credits = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_note",
        verbose_name=_("krediterer"),
    )
    reason = models.CharField(_("årsag"), max_length=300, blank=True)
    group_key = models.CharField(max_length=200, blank=True, editable=False)
    run = models.CharField(
        _("kørsel"),
        max_length=32,
        blank=True,
        help_text=_("Dokumenter udstedt i samme kørsel (én bulk-udstedelse eller én kreditering)."),
    )

    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    issued_at = models.DateTimeField(_("udstedt"), null=True, blank=True)
    issued_by = done_by(_("udstedt af"), blank=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    # For the API's `?changed_since=`: issuing, sending and crediting change the row.
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    sent_file = models.FileField(
        _("sendt fil"), upload_to=sent_file_path, blank=True, editable=False,
        help_text=_("Filen, som den blev sendt: XML til en køber med EAN-nummer, ellers PDF."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("faktura")
        verbose_name_plural = _("fakturaer")
        ordering = ["edition", "sequence", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "sequence"],
                condition=Q(sequence__isnull=False),
                name="invoice_sequence_once_per_edition",
            ),
            models.CheckConstraint(
                condition=Q(state="draft", sequence__isnull=True, number="")
                | (~Q(state="draft") & Q(sequence__isnull=False, issue_date__isnull=False)),
                name="invoice_numbered_iff_issued",
            ),
            models.CheckConstraint(
                condition=Q(kind="invoice", credits__isnull=True)
                | Q(kind="credit_note", credits__isnull=False),
                name="credit_note_refers_to_invoice",
            ),
        ]
        indexes = [models.Index(fields=["edition", "state"], name="invoice_edition_state")]

    def __str__(self) -> str:
        return self.number or f"{self.get_kind_display()} (kladde {self.pk})"

    @property
    def is_credit_note(self) -> bool:
        return self.kind == Kind.CREDIT_NOTE

    @property
    def sent_as_peppol(self) -> bool:
        """Buyers with an EAN get the Peppol file; the others the PDF."""
        return bool(self.buyer_ean)

    @property
    def blocked_because(self) -> list[public_buyers.Missing]:
        """What a public buyer's draft lacks before it may be issued (empty if nothing)."""
        if not self.buyer_is_public or self.is_credit_note:
            return []
        return public_buyers.missing_for_public_buyer(
            public_buyers.BuyerFacts(
                ean=self.buyer_ean, reference=self.buyer_reference, street=self.buyer_street,
                postcode=self.buyer_postcode, city=self.buyer_city,
            )
        )  # fmt: skip

    def totals(self, lines: list[InvoiceLine] | None = None) -> rules.Totals:
        lines = list(self.lines.all()) if lines is None else lines
        return rules.totals(line.rule_line for line in lines)


class LineKind(models.TextChoices):
    PARTICIPANT = "participant", _("Deltager")
    CANCELLATION_FEE = "cancellation_fee", _("Afbudsgebyr")
    STAND = "stand", _("Stand")
    STAND_STAFF = "stand_staff", _("Standpersonale")
    STAND_EXTRA = "stand_extra", _("Tilvalg til stand")


class InvoiceLine(models.Model):
    invoice = models.ForeignKey(
        Invoice, on_delete=models.CASCADE, related_name="lines", verbose_name=_("faktura")
    )
    position = models.PositiveSmallIntegerField(_("linje"))
    kind = models.CharField(_("type"), max_length=20, choices=LineKind.choices)
    description = models.CharField(_("tekst"), max_length=300)
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    quantity = models.DecimalField(_("antal"), max_digits=9, decimal_places=2, default=Decimal(1))
    unit_price = models.DecimalField(_("stykpris ekskl. moms"), max_digits=11, decimal_places=2)
    vat_rate = models.DecimalField(
        _("moms (%)"), max_digits=5, decimal_places=2, default=rules.STANDARD_VAT_RATE
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    stand = models.ForeignKey(
        Stand, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    stand_staff = models.ForeignKey(
        StandStaff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    extra_order = models.ForeignKey(
        ExtraOrder, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("fakturalinje")
        verbose_name_plural = _("fakturalinjer")
        ordering = ["invoice", "position"]

    def __str__(self) -> str:
        return self.description

    @property
    def rule_line(self) -> rules.Line:
        return rules.Line(
            quantity=self.quantity, unit_price=self.unit_price, vat_rate=self.vat_rate
        )

    @property
    def net(self) -> Decimal:
        return self.rule_line.net
