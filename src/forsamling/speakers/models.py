"""A speaker's record in one edition: the invitation, their own page, and what they told us.

The programme's `Speaker` stays what the published programme and its exports show (name,
title, organisation, bio); this record is the person behind it for one edition: the
e-mail they were invited at, the private link, the free registration the invitation made,
the photo and slides, the consents and the practical needs.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import edition_key
from forsamling.programme.models import Speaker
from forsamling.registration.models import Category, InvitationCode, Registration


def new_token() -> str:
    return secrets.token_urlsafe(32)


def photo_path(record: SpeakerRecord, filename: str) -> str:
    """A random name: the photo's address says nothing about whose it is."""
    return f"speakers/photos/{record.edition_id}/{secrets.token_hex(12)}.jpg"


def slides_path(record: SpeakerRecord, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "pdf"
    return f"speakers/slides/{record.edition_id}/{secrets.token_hex(12)}.{extension}"


class SpeakerRecord(models.Model):
    edition = edition_key("speaker_records")
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("oplægsholder i programmet"),
    )
    email = models.EmailField(_("e-mail"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="+", verbose_name=_("kategori")
    )
    invitation = models.OneToOneField(
        InvitationCode,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speaker_record",
        verbose_name=_("invitationskode"),
    )
    registration = models.OneToOneField(
        Registration,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speaker_record",
        verbose_name=_("tilmelding"),
    )
    invited_at = models.DateTimeField(_("inviteret"))
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    title = models.CharField(_("titel eller rolle"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    bio = models.TextField(_("kort præsentation"), blank=True)
    photo = models.ImageField(_("foto"), upload_to=photo_path, blank=True)
    slides = models.FileField(_("slides"), upload_to=slides_path, blank=True)
    slides_uploaded_at = models.DateTimeField(_("slides sendt"), null=True, blank=True)
    consent_photo = models.BooleanField(_("må fotograferes"), default=False)
    consent_film = models.BooleanField(_("må filmes"), default=False)
    consent_stream = models.BooleanField(_("må streames"), default=False)
    travel = models.TextField(_("rejse"), blank=True)
    hotel_night = models.BooleanField(_("har brug for en hotelnat"), default=False)
    dietary = models.CharField(_("kosthensyn"), max_length=300, blank=True)
    technical_needs = models.TextField(_("teknisk udstyr"), blank=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("oplægsholder i udgaven")
        verbose_name_plural = _("oplægsholdere i udgaven")
        ordering = ["edition", "speaker__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "speaker"], name="speaker_record_unique")
        ]

    def __str__(self) -> str:
        return f"{self.speaker.name} ({self.edition})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
