"""Invitation codes: the only way into a category marked `invitation_only` (speakers, press,
stand staff: free or cheaper categories anyone could otherwise pick on the public form)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition
from forsamling.registration.models import Category


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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
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
