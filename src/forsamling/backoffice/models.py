"""Back-office data: roles per edition, PDF jobs made in the background, messages sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Role
from forsamling.registration.models import Registration


class EditionRole(models.Model):
    """A user's role for one edition: organiser, check-in staff, viewer or prize jury."""

    ROLE_CHOICES = [
        (Role.ORGANISER.value, _("Arrangør")),
        (Role.CHECKIN.value, _("Indtjekning")),
        (Role.VIEWER.value, _("Læseadgang")),
        (Role.JURY.value, _("Jury")),
    ]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="edition_roles",
        verbose_name=_("bruger"),
    )
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="staff_roles", verbose_name=_("udgave")
    )
    role = models.CharField(_("rolle"), max_length=20, choices=ROLE_CHOICES)

    class Meta:
        verbose_name = _("rolle i udgave")
        verbose_name_plural = _("roller i udgaver")
        ordering = ["edition", "role", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "edition", "role"], name="edition_role_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()} ({self.edition})"


class OutputKind(models.TextChoices):
    BADGE_SHEETS = "badge_sheets", _("Navneskilte på etiketark (2×4 pr. side)")
    BADGE_PAGES = "badge_pages", _("Navneskilte, ét pr. side")
    DOOR_LISTS = "door_lists", _("Dørlister pr. session")
    INVOICES = "invoices", _("Fakturagrundlag pr. organisation")
    PARTICIPANT_LIST = "participant_list", _("Deltagerliste til offentliggørelse")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("I gang")
    DONE = "done", _("Færdig")
    FAILED = "failed", _("Fejlede")


class OutputJob(models.Model):
    """A PDF being made in the background, with its progress and, when done, its file."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="+", verbose_name=_("udgave")
    )
    kind = models.CharField(_("type"), max_length=30, choices=OutputKind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    created_at = models.DateTimeField(_("bestilt"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("færdige"), default=0)
    total = models.PositiveIntegerField(_("i alt"), default=0)
    file = models.FileField(_("fil"), upload_to="backoffice/pdf/", blank=True)
    error = models.TextField(_("fejl"), blank=True)
    finished_at = models.DateTimeField(_("færdig"), null=True, blank=True)

    class Meta:
        verbose_name = _("PDF-bestilling")
        verbose_name_plural = _("PDF-bestillinger")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {JobStatus.DONE, JobStatus.FAILED}


class Mailing(models.Model):
    """An e-mail to a group of participants, sent in the background."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="+", verbose_name=_("udgave")
    )
    audience = models.CharField(_("modtagere"), max_length=50)
    audience_label = models.CharField(_("modtagere"), max_length=300)
    subject = models.CharField(_("emne"), max_length=300)
    body = models.TextField(_("tekst"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    finished_at = models.DateTimeField(_("sendt færdig"), null=True, blank=True)

    class Meta:
        verbose_name = _("udsendelse")
        verbose_name_plural = _("udsendelser")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.subject} → {self.audience_label}"


class Delivery(models.Model):
    """One message to one participant, and whether the mail server accepted it."""

    mailing = models.ForeignKey(
        Mailing, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("udsendelse")
    )
    registration = models.ForeignKey(
        Registration,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("tilmelding"),
    )
    to = models.EmailField(_("til"))
    accepted = models.BooleanField(_("modtaget af mailserveren"), default=False)
    error = models.CharField(_("fejl"), max_length=500, blank=True)
    at = models.DateTimeField(_("sendt"), auto_now_add=True)
    # The message in the outbox: whether the mail server took it is recorded there.
    message = models.OneToOneField(
        "outbox.SentMessage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delivery",
    )

    class Meta:
        verbose_name = _("afsendt e-mail")
        verbose_name_plural = _("afsendte e-mails")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.to}: {'ok' if self.accepted else 'fejl'}"


class AuthenticatorApp(TOTPDevice):
    """A user's TOTP device, named in Danish for the admin (see `backoffice.danish_names`)."""

    class Meta:
        proxy = True
        verbose_name = _("godkenderapp")
        verbose_name_plural = _("godkenderapps")


class BackgroundTask(DBTaskResult):
    """A background task's result, named in Danish for the admin."""

    class Meta:
        proxy = True
        verbose_name = _("baggrundsopgave")
        verbose_name_plural = _("baggrundsopgaver")
