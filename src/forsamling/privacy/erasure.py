"""Erasing a person from every store at once, through the registry of declared personal data.

An erasure takes effect when it is asked for: the private link and its export stop working,
the organisers' lists show "Anonymiseret", and every other store (nominations and their files,
stand staff, messages, rate counters, the admin log, the PDFs made before) loses the person
in the same transaction. Only two things wait: a confirmation still in the outbox is sent
first (its row keeps the address until the pending erasure's run, `retention`), and issued
invoices stay as bookkeeping law requires, until their own date (`invoices`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet

from forsamling.exhibitors.models import StandStaff
from forsamling.outbox.models import MessageStatus, SentMessage
from forsamling.outputs import jobs
from forsamling.privacy import counters, invoices, registry
from forsamling.privacy.anonymise import anonymise_registrations
from forsamling.prizes.models import Nomination
from forsamling.programme.models import Speaker
from forsamling.registration.models import AuditEntry, GroupBooking, Registration, Status


def person_by_email(email: str, *, registration_ids: set[int] | None = None) -> registry.Person:
    """Everyone known by this address: their registrations that are not active (or the given
    ones), and the names and phones they gave on any form, to cut out of free text."""
    email = email.strip()
    registrations = Registration.objects.filter(email__iexact=email)
    if registration_ids is None:
        chosen = registrations.exclude(status=Status.ACTIVE)
    else:
        chosen = registrations.filter(Q(pk__in=registration_ids) | ~Q(status=Status.ACTIVE))
    found = list(chosen.values_list("pk", "name", "phone", "edition_id"))
    names = {name for _, name, _, _ in found}
    phones = {phone for _, _, phone, _ in found}
    editions = {edition for *_, edition in found}
    for name, phone, edition in Nomination.objects.filter(contact_email__iexact=email).values_list(
        "contact_name", "contact_phone", "prize__edition_id"
    ):
        names.add(name)
        phones.add(phone)
        editions.add(edition)
    for name, edition in StandStaff.objects.filter(email__iexact=email).values_list(
        "name", "exhibitor__edition_id"
    ):
        names.add(name)
        editions.add(edition)
    for name, edition in GroupBooking.objects.filter(secretary_email__iexact=email).values_list(
        "secretary_name", "edition_id"
    ):
        names.add(name)
        editions.add(edition)
    return registry.Person(
        emails=frozenset({email}),
        registration_ids=frozenset(pk for pk, *_ in found),
        names=frozenset(n for n in names if n and n != registry.ANONYMOUS_NAME),
        phones=frozenset(p for p in phones if p and len(p.replace(" ", "")) >= 8),
        edition_ids=frozenset(editions),
    )


def person_for_export(email: str) -> registry.Person:
    """For an export everything held under the address counts, active registrations too."""
    person = person_by_email(email)
    active = Registration.objects.filter(email__iexact=email.strip()).values_list("pk", flat=True)
    return replace(person, registration_ids=person.registration_ids | frozenset(active))


def _audit_held(person: registry.Person) -> QuerySet[AuditEntry]:
    """The log of the person's registrations since they hold them (a hand-over's earlier
    entries are the former holder's), and entries that mention them, hand-overs excepted."""
    q = Q(pk__in=[])
    for registration in Registration.objects.filter(pk__in=person.registration_ids):
        q |= Q(registration=registration, at__gte=_held_since(registration))
    mentioned = registry.mentioning_rows(registry.declared("registration.AuditEntry"), person)
    q |= Q(pk__in=mentioned.values("pk"))
    # A hand-over's entry names both holders; the page and file say only that it happened.
    return AuditEntry.objects.filter(q).exclude(action="substituted")


def _held_since(registration: Registration) -> datetime:
    last = (
        registration.audit.filter(action="substituted")
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    return last or registration.created_at - timedelta(seconds=1)


def _messages_to(person: registry.Person) -> QuerySet[SentMessage]:
    """Every message sent to the person's address (never one to a former holder)."""
    q = Q(pk__in=[])
    for email in person.emails:
        q |= Q(to__iexact=email)
    return SentMessage.objects.filter(q)


def person_of(registration: Registration) -> registry.Person:
    return person_by_email(registration.email, registration_ids={registration.pk})


def erase_person(person: registry.Person, now: datetime) -> int:
    """Joins the caller's transaction: the person leaves every declared store."""
    return registry.erase(person, now)


def _erase_registrations(person: registry.Person, now: datetime) -> int:
    return anonymise_registrations(Registration.objects.filter(pk__in=person.registration_ids), now)


def _erase_messages(person: registry.Person, now: datetime) -> int:
    """A message still waiting (the cancellation's confirmation) is sent first; the pending
    erasure's run empties it (`retention._pending_erasures`)."""
    declaration = registry.declared("outbox.SentMessage")
    direct = registry.direct_rows(declaration, person)
    count = registry.anonymise_rows(
        declaration,
        direct.exclude(status=MessageStatus.WAITING).exclude(to=registry.ANONYMOUS_EMAIL),
        person,
        redact_contains=False,
    )
    mentioned = registry.mentioning_rows(declaration, person).exclude(pk__in=direct.values("pk"))
    return count + registry.redact_rows(declaration, mentioned, person)


def scrub_messages(registration_ids: list[int]) -> int:
    """The pending erasure's last step: the messages it let go out first."""
    declaration = registry.declared("outbox.SentMessage")
    person = registry.Person(emails=frozenset(), registration_ids=frozenset(registration_ids))
    rows = registry.direct_rows(declaration, person).exclude(to=registry.ANONYMOUS_EMAIL)
    return registry.anonymise_rows(declaration, rows, person, redact_contains=False)


def _redact_mentions(label: str) -> registry.Eraser:
    """An eraser that only cuts the person out where they are mentioned: Django's admin log
    names rows "Name <e-mail>" and keeps the change; the audit log's own rows of the person's
    registration were scrubbed with it (`anonymise`)."""

    def erase(person: registry.Person, now: datetime) -> int:
        declaration = registry.declared(label)
        return registry.redact_rows(
            declaration, registry.mentioning_rows(declaration, person), person
        )

    return erase


def _speakers_of(person: registry.Person) -> QuerySet[Speaker]:
    """The programme's speakers the person was invited as (their export shows them; the
    published programme keeps them, as declared, until the organisers change it)."""
    records = registry.direct_rows(registry.declared("speakers.SpeakerRecord"), person)
    return Speaker.objects.filter(pk__in=records.values("speaker_id"))


def _files_naming(person: registry.Person) -> QuerySet:
    """The finished files of the person's editions: any of them may name the person."""
    return jobs.files_of(person.edition_ids)


def _remake_files(person: registry.Person, now: datetime) -> int:
    """Every finished file of the person's editions is made again, without them."""
    return jobs.remake_files(person.edition_ids)


def register() -> None:
    """The stores this app erases with its own code (called once at start-up)."""
    registry.ERASERS.setdefault("registration.Registration", _erase_registrations)
    registry.ERASERS.setdefault("outbox.SentMessage", _erase_messages)
    invoices.register()
    registry.FINDERS.setdefault("registration.AuditEntry", _audit_held)
    registry.FINDERS.setdefault("outbox.SentMessage", _messages_to)
    registry.ERASERS.setdefault("core.RateCounter", counters.delete_counters_of)
    registry.FINDERS.setdefault(
        "outputs.OutputJob", lambda person: jobs.files_of(person.edition_ids)
    )
    registry.ERASERS.setdefault(
        "outputs.OutputJob", lambda person, now: jobs.remake_files(person.edition_ids)
    )
    registry.ERASERS.setdefault("admin.LogEntry", _redact_mentions("admin.LogEntry"))
    registry.FINDERS.setdefault("programme.Speaker", _speakers_of)
    # A speaker's invitation code is noted with the speaker's name: kept, without the name.
    codes = "registration.InvitationCode"
    registry.ERASERS.setdefault(codes, _redact_mentions(codes))
    audit = "registration.AuditEntry"
    registry.ERASERS.setdefault(audit, _redact_mentions(audit))
