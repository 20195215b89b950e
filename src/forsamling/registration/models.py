"""Participants, their session choices, seats, waiting lists, group bookings and the audit log.

State changes go through `services.py`; these models only hold data and the database
constraints that keep it right under concurrency (one active registration per e-mail per
edition, one idempotency key, one choice per slot, one seat counter per session).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import done_by, edition_key, edition_one
from forsamling.conferences.models import Edition
from forsamling.domain.audit import Actor, AuditAction
from forsamling.domain.leads import LEADS_CONSENT
from forsamling.domain.registration_rules import Attendee, needs_invitation
from forsamling.programme.models import Item, Session
from forsamling.registration.fields import registration_key, registration_one


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Category(models.Model):
    """A participant category with its price, e.g. "Kommunalpolitiker" or "Standpersonale"."""

    edition = edition_key("categories")
    key = models.SlugField(_("nøgle"))
    name = models.CharField(_("navn"), max_length=200)
    price = models.DecimalField(_("pris"), max_digits=9, decimal_places=2, default=Decimal("0"))
    is_politician = models.BooleanField(_("folkevalgt politiker"), default=False)
    is_health_council = models.BooleanField(_("medlem af sundhedsråd"), default=False)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    invitation_only = models.BooleanField(
        _("kun med invitationskode"),
        default=False,
        help_text=_(
            "F.eks. oplægsholdere og presse: kan kun vælges med en invitationskode fra "
            "arrangøren (forsamling.invitations). En gratis kategori (0 kr.) kræver altid en "
            "invitationskode og markeres automatisk, når den gemmes."
        ),
    )

    class Meta:
        verbose_name = _("deltagerkategori")
        verbose_name_plural = _("deltagerkategorier")
        ordering = ["edition", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "key"], name="category_unique_key")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A free category is invitation-only whoever saves it (the admin, a copy, the demo),
        # so the flag shown to organisers says what the registration enforces.
        if needs_invitation(self.price, self.invitation_only) and not self.invitation_only:
            self.invitation_only = True
            if (fields := kwargs.get("update_fields")) is not None:
                kwargs["update_fields"] = {*fields, "invitation_only"}
        super().save(*args, **kwargs)

    @property
    def needs_invitation(self) -> bool:
        """Only with an invitation code: marked so, or free (`registration_rules`)."""
        return needs_invitation(self.price, self.invitation_only)

    @property
    def attendee(self) -> Attendee:
        return Attendee(is_politician=self.is_politician, is_health_council=self.is_health_council)


class GroupBooking(models.Model):
    """Several participants of one organisation registered by a secretary."""

    edition = edition_key("group_bookings")
    organisation = models.CharField(_("organisation"), max_length=200)
    secretary_name = models.CharField(_("sekretærens navn"), max_length=200)
    secretary_email = models.EmailField(_("sekretærens e-mail"))
    # Typed once by the secretary: every participant of the group is invoiced with them.
    ean = models.CharField(_("EAN-nummer"), max_length=13, blank=True)
    order_reference = models.CharField(_("ordrenummer"), max_length=100, blank=True)
    person_reference = models.CharField(_("personreference"), max_length=100, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("gruppetilmelding")
        verbose_name_plural = _("gruppetilmeldinger")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.secretary_name})"


class Status(models.TextChoices):
    ACTIVE = "active", _("Tilmeldt")
    CANCELLED = "cancelled", _("Afmeldt")


class Registration(models.Model):
    edition = edition_key("registrations", on_delete=models.PROTECT)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    name = models.CharField(_("navn"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    job_title = models.CharField(_("stilling"), max_length=200, blank=True)
    category = models.ForeignKey(Category, verbose_name=_("kategori"), on_delete=models.PROTECT)
    # Which of the edition's parallel tracks ("sæsoner") the participant follows, if it has any.
    track = models.ForeignKey(
        "programme.Track",
        verbose_name=_("spor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    committee = models.CharField(_("udvalg"), max_length=200, blank=True)
    dinner = models.BooleanField(_("deltager i middagen"), default=False)
    # The structured needs the kitchen counts (keys of `forsamling.domain.meals.DIETS`), and
    # in `dietary` any other need in the participant's own words.
    diets = models.JSONField(_("kosthensyn"), default=list, blank=True)
    dietary = models.CharField(_("andre kosthensyn"), max_length=300, blank=True)
    # The days (ISO dates) the participant attends, where the edition allows one-day
    # attendance; empty: every day.
    days = models.JSONField(_("deltagelsesdage"), default=list, blank=True)
    accessibility_needs = models.CharField(
        _("behov for tilgængelighed"), max_length=300, blank=True
    )
    ean = models.CharField(_("EAN-nummer"), max_length=13, blank=True)
    order_reference = models.CharField(_("ordrenummer"), max_length=100, blank=True)
    person_reference = models.CharField(_("personreference"), max_length=100, blank=True)
    list_consent = models.BooleanField(_("må stå på deltagerlisten"), default=False)
    terms_accepted_at = models.DateTimeField(_("betingelser accepteret"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    cancelled_at = models.DateTimeField(_("afmeldt"), null=True, blank=True)
    cancellation_fee = models.DecimalField(
        _("afbudsgebyr"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    group = models.ForeignKey(
        GroupBooking,
        verbose_name=_("gruppetilmelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    # Whether the registration holds one of the edition's places (`Edition.capacity`): set
    # when it is made and never changed, so a cancellation frees exactly what was taken.
    # Stand staff do not take a place.
    takes_place = models.BooleanField(_("optager en plads"), default=True, editable=False)
    # The network the public form was sent from (an IPv4 address, an IPv6 /64), so organisers
    # can see and undo a burst from one network (back office, "Mange tilmeldinger"); empty
    # when staff registered. Erased with the participant's other details.
    network = models.CharField(_("netværk"), max_length=43, blank=True, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("tilmelding")
        verbose_name_plural = _("tilmeldinger")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "email"],
                condition=Q(status="active"),
                name="registration_one_active_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def is_active(self) -> bool:
        return self.status == Status.ACTIVE


class MealKind(models.TextChoices):
    LUNCH = "lunch", _("Frokost")
    DINNER = "dinner", _("Middag")


class Meal(models.Model):
    """A meal the kitchen serves on one day of an edition: lunch for everyone there that day,
    the dinner for those who said yes to it (`Registration.dinner`)."""

    edition = edition_key("meals")
    day = models.DateField(_("dag"))
    kind = models.CharField(_("type"), max_length=10, choices=MealKind.choices)
    name = models.CharField(_("navn"), max_length=100, help_text=_("F.eks. 'Frokost dag 1'."))
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("måltid")
        verbose_name_plural = _("måltider")
        ordering = ["edition", "day", "order", "id"]

    def __str__(self) -> str:
        return self.name


class SessionSeats(models.Model):
    """How many seats of a session are taken. The row a registration locks before checking."""

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, related_name="seats", verbose_name=_("session")
    )
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("pladser i session")
        verbose_name_plural = _("pladser i sessioner")

    def __str__(self) -> str:
        return f"{self.session}: {self.taken}"


class EditionPlaces(models.Model):
    """How many of an edition's places (`Edition.capacity`) are taken: the row a registration
    updates, with the capacity in its condition, when the edition has a capacity. Kept only
    while a capacity is set; set again from the registrations when one is set
    (`registration.seats.recount_places`)."""

    edition = edition_one("places")
    taken = models.PositiveIntegerField(_("optagne pladser"), default=0)

    class Meta:
        verbose_name = _("pladser i udgave")
        verbose_name_plural = _("pladser i udgaver")

    def __str__(self) -> str:
        return f"{self.edition}: {self.taken}"


class ChoiceStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Bekræftet")
    WAITING = "waiting", _("På venteliste")


class Choice(models.Model):
    """A participant's session in one breakout slot: a seat, or a place on the waiting list.

    The waiting list is ordered by arrival: `created_at`, then `id` (both set under the lock).
    """

    registration = registration_key("choices")
    slot = models.ForeignKey(
        Item, verbose_name=_("break out"), on_delete=models.PROTECT, related_name="+"
    )
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="choices"
    )
    status = models.CharField(_("status"), max_length=10, choices=ChoiceStatus.choices)
    created_at = models.DateTimeField(_("valgt"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("fik plads"), null=True, blank=True)
    # For the API's `?changed_since=`: a seat given from the waiting list changes the row.
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("sessionsvalg")
        verbose_name_plural = _("sessionsvalg")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "slot"], name="choice_one_per_slot")
        ]
        indexes = [
            models.Index(fields=["session", "status", "created_at", "id"], name="choice_queue")
        ]

    def __str__(self) -> str:
        return f"{self.registration.name}: {self.session} ({self.get_status_display()})"


class AuditEntry(models.Model):
    """Who changed what, and when: with a typed actor and action name
    (`forsamling.domain.audit`), written by `AuditEntry.record`, the one way to write one
    (`tests/registration/test_audit_one_way.py`). Every service that changes a registration, a
    check-in, a preference round or a prize calls it inside its own transaction."""

    registration = models.ForeignKey(
        Registration,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="audit",
        verbose_name=_("tilmelding"),
    )
    edition = edition_key("+")
    actor = models.CharField(_("hvem"), max_length=200)
    at = models.DateTimeField(_("hvornår"), auto_now_add=True)
    action = models.CharField(_("handling"), max_length=50)
    details = models.JSONField(_("detaljer"), default=dict, blank=True)

    class Meta:
        verbose_name = _("logpost")
        verbose_name_plural = _("log")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor}: {self.action}"

    @classmethod
    def record(
        cls,
        *,
        edition_id: int,
        actor: Actor,
        action: AuditAction,
        registration_id: int | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        """One entry; the actor is stored as its text ("arrangør:maja")."""
        return AuditEntry.objects.create(
            edition_id=edition_id,
            registration_id=registration_id,
            actor=str(actor),
            action=AuditAction(action).value,
            details=dict(details or {}),
        )


class CalendarFeed(models.Model):
    """A participant's private calendar subscription: its own token, so that it can be revoked
    or renewed without changing the private link."""

    registration = registration_one("calendar_feed")
    token = models.CharField(_("nøgle"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("kalenderabonnement")
        verbose_name_plural = _("kalenderabonnementer")

    def __str__(self) -> str:
        return str(self.registration)


class PushSubscription(models.Model):
    """A browser's Web Push subscription, given by a participant who asked to be notified."""

    registration = registration_key("push_subscriptions")
    endpoint = models.URLField(_("adresse"), max_length=1000, unique=True)
    p256dh = models.CharField(_("offentlig nøgle"), max_length=200)
    auth = models.CharField(_("godkendelsesnøgle"), max_length=100)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("push-abonnement")
        verbose_name_plural = _("push-abonnementer")

    def __str__(self) -> str:
        return str(self.registration)


class DinnerTable(models.Model):
    """A table at the dinner, numbered as on the badge."""

    edition = edition_key("dinner_tables")
    number = models.PositiveSmallIntegerField(_("bordnummer"))
    seats = models.PositiveSmallIntegerField(_("pladser"))

    class Meta:
        verbose_name = _("bord")
        verbose_name_plural = _("borde")
        ordering = ["edition", "number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="dinner_table_unique_number")
        ]

    def __str__(self) -> str:
        return f"Bord {self.number}"


class TableSeat(models.Model):
    """Where a participant with a dinner seat sits: placed by an organiser, or by the system."""

    table = models.ForeignKey(
        DinnerTable, on_delete=models.CASCADE, related_name="guests", verbose_name=_("bord")
    )
    registration = registration_one("table_seat")
    by_hand = models.BooleanField(_("placeret af arrangøren"), default=False)

    class Meta:
        verbose_name = _("bordplacering")
        verbose_name_plural = _("bordplaceringer")
        ordering = ["table", "id"]

    def __str__(self) -> str:
        return f"{self.registration.name}: {self.table}"


class InvitationCode(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="invitations")
    code = models.CharField(_("kode"), max_length=40)
    note = models.CharField(_("note"), max_length=200, blank=True)
    max_uses = models.PositiveIntegerField(_("højst antal tilmeldinger"), null=True, blank=True)
    uses = models.PositiveIntegerField(_("brugt"), default=0)
    expires_at = models.DateTimeField(_("udløber"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = done_by(blank=True)

    class Meta:
        db_table = "invitations_invitationcode"  # moved from invitations, table kept
        verbose_name = _("invitationskode")
        verbose_name_plural = _("invitationskoder")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="invitation_unique_code")
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= timezone.now():
            return "expired"
        if self.max_uses is not None and self.uses >= self.max_uses:
            return "used_up"
        return "active"


class PrivacyNotice(models.Model):
    """One published version of an edition's privacy notice and its consent wordings.

    Versions are never edited: a change publishes the next version, and every consent
    records the version and wording the participant saw.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="privacy_notices")
    version = models.PositiveIntegerField(_("version"))
    text = models.TextField(
        _("tekst"),
        help_text=_("Afsnit adskilles af en tom linje; en linje med # er en overskrift."),
    )
    list_consent_text = models.CharField(_("samtykke til deltagerlisten"), max_length=300)
    photo_consent_text = models.CharField(_("samtykke til fotos"), max_length=300)
    published_at = models.DateTimeField(_("offentliggjort"), auto_now_add=True)
    published_by = done_by()

    class Meta:
        db_table = "privacy_privacynotice"  # moved from privacy, table kept
        verbose_name = _("privatlivspolitik")
        verbose_name_plural = _("privatlivspolitikker")
        ordering = ["edition", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "version"], name="privacy_notice_version")
        ]

    def __str__(self) -> str:
        return f"{self.edition}: version {self.version}"


class Purpose(models.TextChoices):
    PARTICIPANT_LIST = "participant_list", _("Deltagerlisten")
    PHOTOS = "photos", _("Fotos")
    EXHIBITOR_LEADS = LEADS_CONSENT, _("Udstillere")


class GivenBy(models.TextChoices):
    PARTICIPANT = "participant", _("Deltageren selv")
    SECRETARY = "secretary", _("Gruppens sekretær på deltagerens vegne")


class ConsentRecord(models.Model):
    """A consent as given: to what, in which wording (and its version), when, by whom, and
    when withdrawn. A participant has at most one consent in force per purpose.

    A group's secretary may tick the box for a member; that is recorded as given by the
    secretary, and it does not put the member on the participant list until the member
    confirms it on their own page (art. 7(1): the consent must be the member's own)."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("formål"), max_length=20, choices=Purpose.choices)
    version = models.PositiveIntegerField(_("ordlydens version"))
    wording = models.CharField(_("ordlyd"), max_length=300)
    given_at = models.DateTimeField(_("givet"))
    given_by = models.CharField(
        _("givet af"), max_length=20, choices=GivenBy.choices, default=GivenBy.PARTICIPANT
    )
    withdrawn_at = models.DateTimeField(_("trukket tilbage"), null=True, blank=True)

    class Meta:
        db_table = "privacy_consentrecord"  # moved from privacy, table kept
        verbose_name = _("samtykke")
        verbose_name_plural = _("samtykker")
        ordering = ["given_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="consent_one_in_force",
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration_id}: {self.get_purpose_display()} v{self.version}"

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None
