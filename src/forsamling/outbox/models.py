"""The outbox's rows: every e-mail the site sends, as written, and what became of it; and the
organisers' mailings to a group of participants (`forsamling.registration.mailings`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import done_by, edition_key
from forsamling.conferences.models import Edition


class MessageStatus(models.TextChoices):
    WAITING = "waiting", _("venter")
    SENT = "sent", _("sendt")
    FAILED = "failed", _("fejlet")
    DEMO = "demo", _("ikke sendt (demo)")


class SentMessage(models.Model):
    """The outbox: every e-mail the site sends, as written, and what became of it.

    A row is written before the message goes to the mail server and marked sent only once the
    server accepted it; a temporary failure leaves it waiting with the next attempt's time
    (`forsamling.outbox`), a permanent one marks it failed with the server's answer. Messages
    to participants name their registration; those to exhibitors and stand staff do not.
    """

    # Named by its app label, not imported: the outbox sits below registration (whose e-mails
    # are queued here), and only the table refers up to the registrations.
    registration = models.ForeignKey(
        "registration.Registration",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("tilmelding"),
    )
    edition = models.ForeignKey(
        Edition, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    to = models.EmailField(_("til"))
    reply_to = models.EmailField(_("svar til"), blank=True)
    subject = models.CharField(_("emne"), max_length=300)
    body = models.TextField(_("tekst"))
    attachments = models.JSONField(_("vedhæftninger"), default=list, blank=True)
    sent_at = models.DateTimeField(_("skrevet"), auto_now_add=True)
    delivered = models.BooleanField(_("afleveret til mailserveren"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.WAITING
    )
    attempts = models.PositiveSmallIntegerField(_("forsøg"), default=0)
    last_error = models.CharField(_("seneste fejl"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("næste forsøg"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("afleveret"), null=True, blank=True)
    # A worker that claims the message to send it; a claim older than the lease is abandoned.
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # What wrote the row (a task's id), so a task run twice writes it once.
    source = models.CharField(max_length=100, null=True, blank=True, unique=True, editable=False)

    class Meta:
        db_table = "registration_sentmessage"  # where it was made; moved here without a copy
        verbose_name = _("sendt e-mail")
        verbose_name_plural = _("sendte e-mails")
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["edition", "status"], name="message_edition_status")]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class Mailing(models.Model):
    """An e-mail to a group of participants, sent in the background."""

    edition = edition_key("+")
    audience = models.CharField(_("modtagere"), max_length=50)
    audience_label = models.CharField(_("modtagere"), max_length=300)
    subject = models.CharField(_("emne"), max_length=300)
    body = models.TextField(_("tekst"))
    created_by = done_by(_("oprettet af"))
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    finished_at = models.DateTimeField(_("sendt færdig"), null=True, blank=True)

    class Meta:
        db_table = "backoffice_mailing"  # where it was made; moved here without a copy
        verbose_name = _("udsendelse")
        verbose_name_plural = _("udsendelser")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.subject} → {self.audience_label}"


class Delivery(models.Model):
    """One message of a mailing to one participant: its message in the outbox says whether
    the mail server took it."""

    mailing = models.ForeignKey(
        Mailing, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("udsendelse")
    )
    # Named by its app label, as `SentMessage.registration`: the outbox sits below registration.
    registration = models.ForeignKey(
        "registration.Registration",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("tilmelding"),
    )
    to = models.EmailField(_("til"))
    accepted = models.BooleanField(_("modtaget af mailserveren"), default=False)
    error = models.CharField(_("fejl"), max_length=500, blank=True)
    at = models.DateTimeField(_("sendt"), auto_now_add=True)
    message = models.OneToOneField(
        SentMessage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="delivery",
    )

    class Meta:
        db_table = "backoffice_delivery"  # where it was made; moved here without a copy
        verbose_name = _("afsendt e-mail")
        verbose_name_plural = _("afsendte e-mails")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.to}: {'ok' if self.accepted else 'fejl'}"
