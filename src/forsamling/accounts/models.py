"""Staff enrolment: a one-time link with which a new staff user sets up their second factor.

Without it, whoever first guesses a new user's password could enrol their own authenticator
app and own the account. The link goes to the user's e-mail address; only its hash is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffEnrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("link til to-trins-login")
        verbose_name_plural = _("links til to-trins-login")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


class LoginLink(models.Model):
    """A one-time link that logs a staff user in without their password ("Log ind med et
    engangslink"): the way in while the password is locked out, or forgotten. It proves the
    mailbox; the second factor is still asked for. Only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_links"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    wrong_codes = models.PositiveSmallIntegerField(default=0)
    requested_from = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("engangslink til login")
        verbose_name_plural = _("engangslinks til login")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d %H:%M})"
