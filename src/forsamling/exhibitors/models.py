"""Stands, the exhibitors who book them, their stand staff, the floor plan and the stand log.

State changes go through `services.py`; the models hold the data and the constraints that
keep it right: a stand number once per edition, and a stand is booked exactly when it has an
exhibitor.
"""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import done_by, edition_key, edition_one, plan_description
from forsamling.domain.stands import InvalidPosition, StandState, StandStatus, validate_position
from forsamling.exhibitors.images import validate_image
from forsamling.registration.models import Registration

PERCENT = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


def new_token() -> str:
    """An unguessable key for the exhibitor's private link."""
    return secrets.token_urlsafe(24)


class FloorPlan(models.Model):
    """The edition's floor plan; stands are marked on it by their percentage positions."""

    edition = edition_one("floor_plan")
    image = models.ImageField(
        _("plantegning"),
        upload_to="exhibitors/floorplans/",
        validators=[validate_image],
        help_text=_("PNG, JPEG eller WebP, højst 5 MB."),
    )
    description = plan_description()

    class Meta:
        verbose_name = _("plantegning")
        verbose_name_plural = _("plantegninger")

    def __str__(self) -> str:
        return str(self.edition)


class Exhibitor(models.Model):
    """An organisation's booking of one or more stands at an edition, and its public profile."""

    edition = edition_key("exhibitors", on_delete=models.PROTECT)
    organisation = models.CharField(_("organisation"), max_length=200)
    cvr = models.CharField(_("CVR-nummer"), max_length=8)
    contact_name = models.CharField(_("kontaktperson"), max_length=200)
    contact_email = models.EmailField(_("kontaktpersonens e-mail"))
    contact_phone = models.CharField(_("kontaktpersonens telefon"), max_length=50)
    invoice_address = models.TextField(_("fakturaadresse"))
    invoice_reference = models.CharField(
        _("ordrenummer eller reference"), max_length=100, blank=True
    )
    ean = models.CharField(
        _("EAN-nummer"), max_length=13, blank=True, help_text=_("Kun for offentlige myndigheder.")
    )

    description = models.TextField(_("beskrivelse"), blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="exhibitors/logos/",
        blank=True,
        validators=[validate_image],
        help_text=_("PNG, JPEG eller WebP, højst 5 MB."),
    )

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # The stand staff's link: it scans leads and nothing else (no list, no download, not the
    # booking). None until the contact makes one; making a new one ends the old.
    scan_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, default=None, editable=False
    )
    created_at = models.DateTimeField(_("booket"), auto_now_add=True)

    class Meta:
        verbose_name = _("udstiller")
        verbose_name_plural = _("udstillere")
        ordering = ["edition", "organisation"]

    def __str__(self) -> str:
        return self.organisation

    def get_absolute_url(self) -> str:
        return reverse(
            "public:exhibitor_booking", kwargs={"edition": self.edition.slug, "token": self.token}
        )


class Stand(models.Model):
    """A stand in an edition's catalogue: free, held by the organisers, or booked."""

    edition = edition_key("stands")
    number = models.CharField(_("standnummer"), max_length=20)
    size = models.CharField(_("størrelse"), max_length=50, help_text=_("F.eks. '3 x 2 m'."))
    zone = models.CharField(_("zone"), max_length=100, blank=True)
    price = models.DecimalField(_("pris"), max_digits=9, decimal_places=2)
    included_passes = models.PositiveSmallIntegerField(
        _("standpersonale inkluderet"),
        default=2,
        help_text=_(
            "Hvor mange af standens personale der kan tilmeldes til nedsat pris. Prisen er "
            "kategorien Standpersonales pris."
        ),
    )  # the price per pass is the stand-staff category's (staff_registrations.pass_price)
    position_x = models.DecimalField(
        _("placering fra venstre (%)"),
        max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT,
    )  # fmt: skip
    position_y = models.DecimalField(
        _("placering fra toppen (%)"),
        max_digits=5, decimal_places=2, null=True, blank=True, validators=PERCENT,
    )  # fmt: skip
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=[
            (StandStatus.FREE.value, _("Ledig")),
            (StandStatus.HELD.value, _("Reserveret")),
            (StandStatus.BOOKED.value, _("Booket")),
        ],
        default=StandStatus.FREE.value,
        editable=False,
    )
    exhibitor = models.ForeignKey(
        Exhibitor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="stands",
        verbose_name=_("udstiller"),
    )
    hold_note = models.CharField(_("note om reservation"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("stand")
        verbose_name_plural = _("stande")
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="stand_number_per_edition"),
            models.CheckConstraint(
                condition=(
                    models.Q(status=StandStatus.BOOKED.value, exhibitor__isnull=False)
                    | (
                        ~models.Q(status=StandStatus.BOOKED.value)
                        & models.Q(exhibitor__isnull=True)
                    )
                ),
                name="stand_booked_iff_exhibitor",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.size})"

    def clean(self) -> None:
        try:
            validate_position(self.position_x, self.position_y)
        except InvalidPosition:
            raise ValidationError(
                _("Angiv både placering fra venstre og fra toppen, hver mellem 0 og 100 %."),
                code="position",
            ) from None

    @property
    def state(self) -> StandState:
        return StandState(number=self.number, status=StandStatus(self.status))

    @property
    def is_free(self) -> bool:
        return self.status == StandStatus.FREE.value

    @property
    def has_position(self) -> bool:
        return self.position_x is not None and self.position_y is not None


class StandStaff(models.Model):
    """A person an exhibitor names to staff its stand; registered later as a participant."""

    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, related_name="staff", verbose_name=_("udstiller")
    )
    name = models.CharField(_("navn"), max_length=200)
    email = models.EmailField(_("e-mail"))
    title = models.CharField(_("stilling"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("tilføjet"), auto_now_add=True)

    class Meta:
        verbose_name = _("standpersonale")
        verbose_name_plural = _("standpersonale")
        ordering = ["exhibitor", "created_at", "id"]

    def __str__(self) -> str:
        return self.name


class Extra(models.Model):
    """Something an exhibitor can order with the stands, priced per edition: power, furniture,
    internet, an extra staff member's lunch... Prices are without VAT, as the stands' are."""

    edition = edition_key("extras")
    name = models.CharField(_("navn"), max_length=100, help_text=_("F.eks. 'Strøm (230 V)'."))
    description = models.CharField(_("beskrivelse"), max_length=200, blank=True)
    price = models.DecimalField(_("pris pr. stk. ekskl. moms"), max_digits=9, decimal_places=2)
    max_quantity = models.PositiveSmallIntegerField(
        _("højst antal pr. udstiller"), default=1, validators=[MinValueValidator(1)]
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("tilvalg")
        verbose_name_plural = _("tilvalg")
        ordering = ["edition", "order", "id"]

    def __str__(self) -> str:
        return self.name


class ExtraOrder(models.Model):
    """How many of an extra an exhibitor ordered, at the price of the moment they ordered."""

    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, related_name="extras", verbose_name=_("udstiller")
    )
    extra = models.ForeignKey(
        Extra, on_delete=models.PROTECT, related_name="orders", verbose_name=_("tilvalg")
    )
    quantity = models.PositiveSmallIntegerField(_("antal"), validators=[MinValueValidator(1)])
    unit_price = models.DecimalField(_("pris pr. stk. ekskl. moms"), max_digits=9, decimal_places=2)

    class Meta:
        verbose_name = _("bestilt tilvalg")
        verbose_name_plural = _("bestilte tilvalg")
        ordering = ["exhibitor", "extra__order", "extra_id"]
        constraints = [
            models.UniqueConstraint(fields=["exhibitor", "extra"], name="extra_once_per_exhibitor"),
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="extra_quantity_1"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.extra}"

    @property
    def net(self) -> Decimal:
        return self.quantity * self.unit_price


class StandChange(models.Model):
    """One change to a stand, for the organisers' record: who, what, when."""

    class Action(models.TextChoices):
        BOOKED = "booked", _("Booket")
        HELD = "held", _("Reserveret")
        RELEASED = "released", _("Frigivet")
        MOVED_OUT = "moved_out", _("Flyttet fra")
        MOVED_IN = "moved_in", _("Flyttet til")

    stand = models.ForeignKey(
        Stand, on_delete=models.CASCADE, related_name="changes", verbose_name=_("stand")
    )
    action = models.CharField(_("handling"), max_length=20, choices=Action.choices)
    exhibitor = models.ForeignKey(
        Exhibitor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stand_changes",
        verbose_name=_("udstiller"),
    )
    actor = done_by(_("udført af"), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("ændring af stand")
        verbose_name_plural = _("ændringer af stande")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.stand.number}: {self.get_action_display()}"


class Lead(models.Model):
    """A participant whose badge the exhibitor's stand staff scanned, with their consent.

    Once per exhibitor and participant. The contact details are read from the registration
    at download time, and only while the participant's consent is in force."""

    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, related_name="leads", verbose_name=_("udstiller")
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="leads", verbose_name=_("deltager")
    )
    scanned_at = models.DateTimeField(_("scannet"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["exhibitor", "-scanned_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["exhibitor", "registration"], name="lead_once_per_exhibitor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.exhibitor_id}: {self.registration_id}"
