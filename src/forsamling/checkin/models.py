"""Who has arrived: the events the door devices send, and what they led to.

A device (a phone at a door) makes a `CheckInEvent` with its own id for every scan, offline
or not, and sends it when it can. The event's id makes taking it idempotent: the same event
twice is one row. `CheckIn` is the arrival at the conference (one per registration, the first
event to reach the server wins) and `SessionEntry` the arrival at one session's door.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import done_by
from forsamling.conferences.models import Edition
from forsamling.programme.models import Session
from forsamling.registration.fields import registration_one
from forsamling.registration.models import Registration


class Outcome(models.TextChoices):
    CHECKED_IN = "checked_in", _("Tjekket ind")
    ALREADY = "already", _("Allerede tjekket ind")
    REFUSED = "refused", _("Afvist")


class CheckInEvent(models.Model):
    id = models.UUIDField(primary_key=True, editable=False)
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("kode"), max_length=200)
    device = models.CharField(_("enhed"), max_length=100)
    scanned_at = models.DateTimeField(_("scannet"))
    received_at = models.DateTimeField(_("modtaget"), auto_now_add=True)
    by = done_by()
    outcome = models.CharField(_("udfald"), max_length=20, choices=Outcome.choices)
    warnings = models.JSONField(_("advarsler"), default=list, blank=True)

    class Meta:
        verbose_name = _("scanning")
        verbose_name_plural = _("scanninger")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.device} {self.code} {self.outcome}"


class Arrival(models.Model):
    """Someone let in at a door: by which device, and from which of its scans (none when
    staff let them in by hand)."""

    device = models.CharField(_("enhed"), max_length=100, blank=True)
    event = models.OneToOneField(
        CheckInEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True


class CheckIn(Arrival):
    registration = registration_one("checkin")
    at = models.DateTimeField(_("tjekket ind"), default=timezone.now)
    by = done_by(_("af"))

    class Meta:
        verbose_name = _("indtjekning")
        verbose_name_plural = _("indtjekninger")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.registration.name} {self.at:%H:%M}"


class SessionEntry(Arrival):
    """A person let in at a session's door; `registered` says whether they had a seat."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="entries")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(_("kom ind"), default=timezone.now)
    registered = models.BooleanField(_("tilmeldt sessionen"))

    class Meta:
        verbose_name = _("fremmøde i session")
        verbose_name_plural = _("fremmøde i sessioner")
        ordering = ["-at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "registration"], name="entry_once")
        ]

    def __str__(self) -> str:
        return f"{self.session}: {self.registration_id}"
