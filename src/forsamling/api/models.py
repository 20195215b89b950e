"""The API's own rows: organisers' tokens, and the answers to writes kept for their retries.

A token is shown once, when it is made; only its SHA-256 is stored (it is 32 random bytes, so a
slow hash would add nothing). It belongs to one organiser and one edition, carries scopes, and
works only while its organiser still holds a role for the edition that allows each scope
(`forsamling.api.access`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import edition_key
from forsamling.conferences.models import Edition


class Scope(models.TextChoices):
    READ_PROGRAMME = "read_programme", _("Læse programmet")
    READ_REGISTRATIONS = "read_registrations", _("Læse tilmeldinger")
    WRITE_CHECKINS = "write_checkins", _("Tjekke deltagere ind")


class ApiToken(models.Model):
    edition = edition_key("api_tokens")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("arrangør"),
    )
    label = models.CharField(_("betegnelse"), max_length=100)
    # The first characters of the token, shown in the list so an organiser can tell them apart.
    prefix = models.CharField(max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("adgang"), default=list)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("sidst brugt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class IdempotentRequest(models.Model):
    """A write sent with an `Idempotency-Key`: reserved before the write, then its answer.

    A retry with the same key gets the stored answer, so a check-in sent twice (a lost
    connection at the door) happens once and is answered the same way both times.
    """

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True, blank=True)  # null: still running
    body = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "key"], name="api_idempotent_request_once")
        ]

    def __str__(self) -> str:
        return f"{self.token_id}: {self.key}"


class RemovedKind(models.TextChoices):
    REGISTRATION = "registration", _("tilmelding")
    CHOICE = "choice", _("sessionsvalg")
    CHECKIN = "checkin", _("indtjekning")
    INVOICE = "invoice", _("faktura")


class Removal(models.Model):
    """A tombstone: a row that an organisers' list showed and that is gone, so a client that
    syncs with `?changed_since=` can drop it too (`GET …/removed/`). Ids and a moment only,
    no one's data; it goes with its edition (`forsamling.api.removals`)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=RemovedKind.choices)
    object_id = models.PositiveBigIntegerField()
    removed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["edition", "removed_at"], name="api_removal_since")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
