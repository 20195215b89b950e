"""Staff users' rows: their roles per edition, their second factor and the one-time links.

A staff user's role for an edition is the whole access rule (`forsamling.accounts.access`).
Staff enrolment: a one-time link with which a new staff user sets up their second factor.
Without it, whoever first guesses a new user's password could enrol their own authenticator
app and own the account. The link goes to the user's e-mail address; only its hash is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from forsamling.conferences.fields import done_by, edition_key
from forsamling.domain.permissions import Role


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
    edition = edition_key("staff_roles")
    role = models.CharField(_("rolle"), max_length=20, choices=ROLE_CHOICES)

    class Meta:
        db_table = "backoffice_editionrole"  # where it was made; moved here without a copy
        verbose_name = _("rolle i udgave")
        verbose_name_plural = _("roller i udgaver")
        ordering = ["edition", "role", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "edition", "role"], name="edition_role_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()} ({self.edition})"


class AuthenticatorApp(TOTPDevice):
    """A user's TOTP device, named in Danish for the admin (see `backoffice.danish_names`)."""

    class Meta:
        proxy = True
        verbose_name = _("godkenderapp")
        verbose_name_plural = _("godkenderapps")


class OneTimeLink(models.Model):
    """A link mailed to a staff user that works once, until it expires; only its hash is kept."""

    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class StaffEnrolment(OneTimeLink):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_by = done_by(blank=True)

    class Meta:
        verbose_name = _("link til to-trins-login")
        verbose_name_plural = _("links til to-trins-login")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


class LoginLink(OneTimeLink):
    """A one-time link that logs a staff user in without their password ("Log ind med et
    engangslink"): the way in while the password is locked out, or forgotten. It proves the
    mailbox; the second factor is still asked for."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_links"
    )
    wrong_codes = models.PositiveSmallIntegerField(default=0)
    requested_from = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("engangslink til login")
        verbose_name_plural = _("engangslinks til login")

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d %H:%M})"
