"""Anonymising: the person goes, the figures stay.

What goes: names, e-mails, phones, job titles, committees, needs, invoice references, private
tokens (old links stop working), stored e-mail bodies and addresses, names and addresses in
audit texts (the hand-over log keeps no former names), group secretaries, stand staff and
exhibitor contacts, the exhibitors' leads on the person, generated PDF files. What stays: the
rows themselves with their category, organisation (the municipality), status, dinner, sessions,
check-in and amounts, so counts per category, organisation and municipality, session
attendance, check-in rates and revenue are the same before and after.

An invoice line that bookkeeping needs is copied to `RetainedInvoiceLine` first, and removed
on its own date by the retention.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, QuerySet

from forsamling.conferences.models import Edition
from forsamling.domain.invoicing import amount_due
from forsamling.exhibitors.models import Exhibitor, Lead, StandStaff
from forsamling.figures.services import keep_committee_counts
from forsamling.outbox.models import Delivery, MessageStatus, SentMessage
from forsamling.outputs import jobs
from forsamling.privacy import consents
from forsamling.privacy.models import RetainedInvoiceLine, invoice_year
from forsamling.privacy.redact import REMOVED, redact, redact_value
from forsamling.privacy.registry import delete_rows
from forsamling.prizes.models import Attachment, Nomination
from forsamling.registration.models import (
    AuditEntry,
    CalendarFeed,
    GroupBooking,
    PushSubscription,
    Registration,
    Status,
    new_token,
)
from forsamling.speakers.models import SpeakerRecord
from forsamling.surveys.services import erase_free_texts

ANONYMOUS_NAME = "Anonymiseret"
ANONYMOUS_DOMAIN = "anonym.invalid"
ANONYMOUS_EMAIL = f"slettet@{ANONYMOUS_DOMAIN}"
REMOVED_BODY = "[Teksten er slettet efter reglerne for opbevaring af personoplysninger.]"
BATCH = 500


def anonymous_email(pk: int) -> str:
    """Unique per registration (one active registration per address), naming nobody."""
    return f"slettet-{pk}@{ANONYMOUS_DOMAIN}"


def is_anonymised(registration: Registration) -> bool:
    return registration.email.endswith(f"@{ANONYMOUS_DOMAIN}")


def not_anonymised(registrations: QuerySet[Registration]) -> QuerySet[Registration]:
    return registrations.exclude(email__endswith=f"@{ANONYMOUS_DOMAIN}")


def anonymise_registrations(registrations: QuerySet[Registration], now: datetime) -> int:
    """Anonymises the registrations not yet anonymised; returns how many. Idempotent.

    Not durable: alone (a whole edition's) each batch is its own short transaction; inside the
    caller's transaction (an erasure request, a pending erasure) the batches join it, so the
    request is recorded exactly when its registration is anonymised."""
    ids = list(not_anonymised(registrations).values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            _anonymise_batch(ids[start : start + BATCH], now)
    return len(ids)


def _anonymise_batch(ids: list[int], now: datetime) -> None:
    rows = list(
        Registration.objects.select_for_update(of=("self",))
        .select_related("category", "edition")
        .filter(pk__in=ids)
    )
    _retain_invoice_lines(rows)
    keep_committee_counts(rows)  # the committee goes below; its count stays in the figures
    names_by_registration = _former_names(rows)
    emails = [r.email for r in rows]
    for registration in rows:
        _scrub_audit(registration, names_by_registration.get(registration.pk, set()))
        consents.close_consents(registration, now)
        registration.name = ANONYMOUS_NAME
        registration.email = anonymous_email(registration.pk)
        registration.token = new_token()
        for field in (
            "phone", "job_title", "committee", "dietary", "accessibility_needs", "ean",
            "order_reference", "person_reference", "network",
        ):  # fmt: skip
            setattr(registration, field, "")
        registration.diets = []
        registration.list_consent = False
        registration.updated_at = now  # the API's removed list reports the erasure from then
    Registration.objects.bulk_update(
        rows,
        [
            "name", "email", "token", "phone", "job_title", "committee", "dietary", "diets",
            "accessibility_needs", "ean", "order_reference", "person_reference", "list_consent",
            "network", "updated_at",
        ],
    )  # fmt: skip
    # A message still waiting (an erasure's cancellation confirmation) goes out first; the
    # pending erasure's run, or the edition's, empties it.
    SentMessage.objects.filter(registration_id__in=ids).exclude(
        status=MessageStatus.WAITING
    ).update(to=ANONYMOUS_EMAIL, body=REMOVED_BODY, attachments=[])
    # The calendar feed's key and the browsers' push addresses go with the person.
    CalendarFeed.objects.filter(registration_id__in=ids).delete()
    PushSubscription.objects.filter(registration_id__in=ids).delete()
    # So do the exhibitors' leads on them (hidden already: their consents are closed above).
    Lead.objects.filter(registration_id__in=ids).delete()
    # The mailing log keeps that a message went, not to whom nor the server's answer.
    Delivery.objects.filter(Q(registration_id__in=ids) | Q(to__in=emails)).update(
        to=ANONYMOUS_EMAIL, error=""
    )
    editions = {r.edition_id for r in rows}
    _anonymise_groups(GroupBooking.objects.filter(edition__in=editions, secretary_email__in=emails))
    _anonymise_staff(StandStaff.objects.filter(exhibitor__edition__in=editions, email__in=emails))


def _former_names(rows: list[Registration]) -> dict[int, set[str]]:
    """Each registration's name and e-mail now and before every hand-over (from the log)."""
    names: dict[int, set[str]] = {r.pk: {r.name, r.email} for r in rows}
    for entry in AuditEntry.objects.filter(registration_id__in=names, action="substituted").values(
        "registration_id", "details"
    ):
        former = entry["details"].get("from") or {}
        if isinstance(former, dict):
            names[entry["registration_id"]].update(str(v) for v in former.values())
    return names


def _scrub_audit(registration: Registration, names: set[str]) -> None:
    for entry in AuditEntry.objects.filter(registration=registration):
        details = (
            {"from": REMOVED, "to": REMOVED}
            if entry.action == "substituted"
            else redact_value(entry.details, names)
        )
        actor = redact(entry.actor, names)
        if details != entry.details or actor != entry.actor:
            entry.details, entry.actor = details, actor
            entry.save(update_fields=["details", "actor"])


def _retain_invoice_lines(rows: Iterable[Registration]) -> None:
    """The buyer's lines bookkeeping must keep: whoever is charged, before anonymising."""
    kept = set(
        RetainedInvoiceLine.objects.filter(registration__in=[r.pk for r in rows]).values_list(
            "registration_id", flat=True
        )
    )
    lines = []
    for r in rows:
        active = r.status == Status.ACTIVE
        amount = amount_due(
            active=active, price=r.category.price, cancellation_fee=r.cancellation_fee
        )
        if not amount or r.pk in kept:
            continue
        lines.append(
            RetainedInvoiceLine(
                edition_id=r.edition_id,
                registration=r,
                invoice_year=invoice_year(r.edition),
                organisation=r.organisation,
                ean=r.ean,
                order_reference=r.order_reference,
                name=r.name,
                person_reference=r.person_reference,
                category=r.category.name,
                amount=amount,
                is_cancellation_fee=not active,
            )
        )
    RetainedInvoiceLine.objects.bulk_create(lines)


def _anonymise_groups(groups: QuerySet[GroupBooking]) -> None:
    for group in groups:
        group.secretary_name = ANONYMOUS_NAME
        group.secretary_email = ANONYMOUS_EMAIL
        group.token = new_token()
        group.save(update_fields=["secretary_name", "secretary_email", "token"])


def _anonymise_staff(staff: QuerySet[StandStaff]) -> None:
    staff.update(name=ANONYMOUS_NAME, email=ANONYMOUS_EMAIL, title="")


def anonymise_edition(edition: Edition, now: datetime) -> int:
    """Everything personal in the edition, once its personal data's date has come.

    Returns the number of rows changed (registrations, groups, exhibitor contacts, PDFs).
    """
    count = anonymise_registrations(Registration.objects.filter(edition=edition), now)
    with transaction.atomic(durable=True):
        groups = GroupBooking.objects.filter(edition=edition).exclude(
            secretary_email=ANONYMOUS_EMAIL
        )
        count += groups.count()
        _anonymise_groups(groups)
        staff = StandStaff.objects.filter(exhibitor__edition=edition).exclude(email=ANONYMOUS_EMAIL)
        count += staff.count()
        _anonymise_staff(staff)
        for exhibitor in Exhibitor.objects.filter(edition=edition).exclude(
            contact_email=ANONYMOUS_EMAIL
        ):
            exhibitor.contact_name = ANONYMOUS_NAME
            exhibitor.contact_email = ANONYMOUS_EMAIL
            exhibitor.contact_phone = ""
            exhibitor.token = new_token()
            exhibitor.save(
                update_fields=["contact_name", "contact_email", "contact_phone", "token"]
            )
            count += 1
        # A speaker's record (photo, slides, bio, needs) goes; the programme keeps the name.
        speakers = SpeakerRecord.objects.filter(edition=edition)
        count += delete_rows(speakers)
        # The prize's nominations keep the project and the municipality, not the contact person;
        # their private links stop working.
        for nomination in Nomination.objects.filter(prize__edition=edition).exclude(
            contact_email=ANONYMOUS_EMAIL
        ):
            nomination.contact_name = ANONYMOUS_NAME
            nomination.contact_title = ""
            nomination.contact_email = ANONYMOUS_EMAIL
            nomination.contact_phone = ""
            nomination.token = new_token()
            nomination.save(
                update_fields=[
                    "contact_name", "contact_title", "contact_email", "contact_phone", "token"
                ]
            )  # fmt: skip
            count += 1
        # Their uploaded files may name anyone: they go with the contact person.
        for attachment in Attachment.objects.filter(nomination__prize__edition=edition):
            attachment.file.delete(save=False)
            attachment.delete()
            count += 1
        count += _scrub_admin_log(edition)
        # Messages to people without a registration of their own (group secretaries,
        # exhibitors, stand staff, nominators) go with the rest of the edition's personal data.
        count += (
            SentMessage.objects.filter(edition=edition)
            .exclude(to=ANONYMOUS_EMAIL, body=REMOVED_BODY)
            .update(to=ANONYMOUS_EMAIL, reply_to="", body=REMOVED_BODY, attachments=[])
        )
        # Audit entries without a registration (a secretary's, a round's) lose addresses too.
        for entry in AuditEntry.objects.filter(edition=edition, registration__isnull=True):
            details, actor = redact_value(entry.details), redact(entry.actor)
            if details != entry.details or actor != entry.actor:
                entry.details, entry.actor = details, actor
                entry.save(update_fields=["details", "actor"])
        count += erase_free_texts(edition, now)  # the survey's texts may name someone
    # Badges, door lists and invoice bases made before name people: their files go.
    count += jobs.delete_files(edition)
    return count


def _scrub_admin_log(edition: Edition) -> int:
    """Django's admin log names the rows it changed ("Name <e-mail>"): it keeps the change."""
    count = 0
    for model, ids in (
        (Registration, Registration.objects.filter(edition=edition)),
        (GroupBooking, GroupBooking.objects.filter(edition=edition)),
        (Exhibitor, Exhibitor.objects.filter(edition=edition)),
        (StandStaff, StandStaff.objects.filter(exhibitor__edition=edition)),
        (Nomination, Nomination.objects.filter(prize__edition=edition)),
    ):
        count += (
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=[str(pk) for pk in ids.values_list("pk", flat=True)],
            )
            .exclude(object_repr=REMOVED)
            .update(object_repr=REMOVED, change_message="")
        )
    return count


def erase_needs(edition: Edition) -> int:
    """Dietary and accessibility needs of the edition (their own, earlier date), the
    speakers' practical needs with them."""
    return (
        Registration.objects.filter(edition=edition)
        .filter(~Q(dietary="") | ~Q(accessibility_needs="") | ~Q(diets=[]))
        .update(dietary="", accessibility_needs="", diets=[])
    ) + (
        SpeakerRecord.objects.filter(edition=edition)
        .exclude(dietary="", travel="", technical_needs="", hotel_night=False)
        .update(dietary="", travel="", technical_needs="", hotel_night=False)
    )
