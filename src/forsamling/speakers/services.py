"""A speaker's invitation, confirmation and own page; each change one transaction.

An organiser invites a programme speaker to an edition: a record with a private link, a
one-use invitation code for a free invitation-only category (the category is what makes the
registration free, never a 0 kr. category anyone may pick), and the e-mail in the outbox.
When the speaker confirms on their page, the code is redeemed and the registration made in
the same transaction; what they wrote about themselves goes onto the programme's speaker,
so the next published version shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from forsamling.conferences.models import Edition
from forsamling.invitations import services as invitations
from forsamling.outbox import sending
from forsamling.programme.models import Speaker
from forsamling.registration import services as registrations
from forsamling.registration.invitation_codes import InvitationInvalid
from forsamling.registration.models import Category, Registration, Status
from forsamling.speakers.models import SpeakerRecord


class SpeakerError(Exception):
    """A speaker's invitation or page cannot do what was asked; the message is Danish."""


@dataclass(frozen=True)
class SpeakerProfile:
    """What a speaker writes on their page."""

    title: str = ""
    organisation: str = ""
    bio: str = ""
    consent_photo: bool = False
    consent_film: bool = False
    consent_stream: bool = False
    travel: str = ""
    hotel_night: bool = False
    dietary: str = ""
    technical_needs: str = ""


def page_url(record: SpeakerRecord) -> str:
    path = reverse(
        "public:speaker_page", kwargs={"edition": record.edition.slug, "token": record.token}
    )
    return f"{settings.SITE_URL}{path}"


def invite_speaker(
    *, edition: Edition, speaker: Speaker, email: str, category: Category, user: Any
) -> SpeakerRecord:
    """The speaker's record, a one-use code for the free category and the invitation e-mail."""
    if category.edition_id != edition.pk or not category.invitation_only or category.price:
        raise SpeakerError(
            "Oplægsholdere inviteres til en gratis kategori, der kræver invitationskode."
        )
    email = email.strip().lower()
    with transaction.atomic(durable=True):
        if SpeakerRecord.objects.filter(edition=edition, speaker=speaker).exists():
            raise SpeakerError(f"{speaker.name} er allerede inviteret til {edition.title}.")
        code = invitations.create_code_in_transaction(
            edition=edition, category=category, user=user, max_uses=1, note=speaker.name[:200]
        )
        record = SpeakerRecord.objects.create(
            edition=edition,
            speaker=speaker,
            email=email,
            category=category,
            invitation=code,
            invited_at=timezone.now(),
            title=speaker.title,
            organisation=speaker.organisation,
            bio=speaker.bio,
        )
        _send_invitation(record)
    return record


def resend_invitation(*, record: SpeakerRecord) -> None:
    with transaction.atomic(durable=True):
        _send_invitation(record)


def _send_invitation(record: SpeakerRecord) -> None:
    with translation.override("da"):
        body = render_to_string(
            "speakers/email/invitation.txt",
            {"record": record, "edition": record.edition, "link": page_url(record)},
        )
    sending.queue(
        to=record.email,
        subject=f"Invitation som oplægsholder – {record.edition.title}",
        body=body,
        edition=record.edition,
    )


def save_speaker_page(
    *,
    record: SpeakerRecord,
    profile: SpeakerProfile,
    photo: UploadedFile | ContentFile[bytes] | None = None,
    slides: UploadedFile | None = None,
    slides_extension: str = "",
) -> SpeakerRecord:
    """The speaker's page saved. The first save is their yes: their free registration by the
    invitation; later saves change the page (new slides after the talk, a better photo).

    An address already registered in the edition (they signed up on their own) keeps its
    registration, which the record then points at; the code stays unused.
    """
    with transaction.atomic(durable=True):
        record = _locked(record)
        if record.confirmed_at is None:
            record.registration = _registration(record, profile)
            record.confirmed_at = timezone.now()
        _apply(record, profile, photo, slides, slides_extension)
    return record


def _locked(record: SpeakerRecord) -> SpeakerRecord:
    """The record read again under a row lock, so two saves of the page (a double click, two
    tabs) run one after the other."""
    return SpeakerRecord.objects.select_for_update().select_related("edition").get(pk=record.pk)


def _registration(record: SpeakerRecord, profile: SpeakerProfile) -> Registration:
    existing = Registration.objects.filter(
        edition=record.edition, email=record.email, status=Status.ACTIVE
    ).first()
    if existing is not None:
        return existing
    if record.invitation is None:
        raise SpeakerError("Invitationen er trukket tilbage. Kontakt arrangøren.")
    speaker = record.speaker
    details = registrations.ParticipantDetails(
        name=speaker.name,
        email=record.email,
        organisation=(profile.organisation or speaker.organisation or "–")[:200],
        job_title=profile.title[:200],
        dietary=profile.dietary[:300],
    )
    try:
        return registrations.register_participant(
            edition=record.edition,
            idempotency_key=f"speaker-{record.token[:48]}",
            details=details,
            category=record.category,
            sessions=[],
            invitation_code=record.invitation.code,  # its use counted in the same transaction
            outside_window=True,  # invited by the organisers, before or after the public window
            may_exceed_capacity=True,  # a speaker is never turned away for want of a place
        ).registration
    except InvitationInvalid:
        raise SpeakerError("Invitationen er trukket tilbage. Kontakt arrangøren.") from None


def _apply(
    record: SpeakerRecord,
    profile: SpeakerProfile,
    photo: UploadedFile | ContentFile[bytes] | None,
    slides: UploadedFile | None,
    slides_extension: str,
) -> None:
    for field in fields(SpeakerProfile):
        setattr(record, field.name, getattr(profile, field.name))
    old_files: list[str] = []
    if photo is not None:
        if record.photo.name:
            old_files.append(record.photo.name)
        record.photo.save("foto.jpg", photo, save=False)
    if slides is not None:
        if record.slides.name:
            old_files.append(record.slides.name)
        record.slides.save(f"slides.{slides_extension or 'pdf'}", slides, save=False)
        record.slides_uploaded_at = timezone.now()
    record.save()
    # What the programme shows: copied to the speaker, published with the next version.
    Speaker.objects.filter(pk=record.speaker_id).update(
        title=profile.title, organisation=profile.organisation, bio=profile.bio
    )
    for name in old_files:  # the replaced files go once the new ones are saved
        transaction.on_commit(partial(default_storage.delete, name))
