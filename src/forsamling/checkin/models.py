"""Who has arrived: one check-in per registration, kept beside the registration."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.registration.models import Registration


class CheckIn(models.Model):
    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="checkin", verbose_name=_("tilmelding")
    )
    at = models.DateTimeField(_("tjekket ind"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("indtjekning")
        verbose_name_plural = _("indtjekninger")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.registration.name} {self.at:%H:%M}"
