"""A participant's rights, one function each: see and download everything held, be erased.

Each request is recorded in `DataRequest` (who, when, what came of it), naming the
registration by id only.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from forsamling.domain.audit import PARTICIPANT, organiser
from forsamling.domain.retention import ErasureEffect, erasure_effect
from forsamling.exhibitors.models import StandStaff
from forsamling.privacy import erasure, registry
from forsamling.privacy.models import DataRequest, RequestKind, RequestOutcome
from forsamling.registration import services as registration_services
from forsamling.registration.diets import LABELS
from forsamling.registration.models import PrivacyNotice, Registration
from forsamling.registration.queries import personal_programme

# Before the conference an erasure cancels first; the rest goes once the cancellation's
# confirmation has been sent (the worker reads the address when it sends).
AFTER_CANCELLATION = timedelta(hours=1)
HANDED_OVER = "substituted"


def _moment(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def personal_data(registration: Registration) -> dict[str, Any]:
    """Everything held about the person who holds the registration now, and nothing about
    anyone else: a former holder's e-mails and name (a hand-over) are left out."""
    r = registration
    edition = r.edition
    choices = [
        {
            "slot": line.choice.slot.title,
            "session": str(line.choice.session),
            "status": line.choice.get_status_display(),
            "place_in_line": line.waiting_position,
            "chosen_at": _moment(line.choice.created_at),
        }
        for line in personal_programme(r)
    ]
    checkin = getattr(r, "checkin", None)
    return {
        "edition": {"title": edition.title, "dates": edition.date_range},
        "registration": {
            "name": r.name,
            "email": r.email,
            "phone": r.phone,
            "organisation": r.organisation,
            "job_title": r.job_title,
            "committee": r.committee,
            "category": r.category.name,
            "price": str(r.category.price),
            "dinner": r.dinner,
            "diets": [str(LABELS[key]) for key in r.diets],
            "dietary": r.dietary,
            "days": r.days,
            "accessibility_needs": r.accessibility_needs,
            "ean": r.ean,
            "order_reference": r.order_reference,
            "person_reference": r.person_reference,
            "status": r.get_status_display(),
            "registered_at": _moment(r.created_at),
            "terms_accepted_at": _moment(r.terms_accepted_at),
            "cancelled_at": _moment(r.cancelled_at),
            "cancellation_fee": str(r.cancellation_fee) if r.cancellation_fee else None,
            "group_booking": r.group.organisation if r.group else None,
        },
        "sessions": choices,
        "preference_rankings": [
            {"slot": k.slot.title, "rank": k.rank, "session": str(k.session)}
            for k in r.rankings.select_related("slot", "session").order_by("slot_id", "rank")
        ],
        "consents": [
            {
                "purpose": c.get_purpose_display(),
                "wording": c.wording,
                "version": c.version,
                "given_at": _moment(c.given_at),
                "withdrawn_at": _moment(c.withdrawn_at),
            }
            for c in r.consents.order_by("given_at", "id")
        ],
        "checked_in_at": _moment(checkin.at) if checkin else None,
        "emails": [
            {"subject": m.subject, "sent_at": _moment(m.sent_at), "text": m.body}
            for m in r.messages.filter(to=r.email).order_by("sent_at", "id")
        ],
        "log": [
            {"at": _moment(a.at), "action": a.action}
            | ({} if a.action == HANDED_OVER else {"details": a.details})
            for a in r.audit.filter(at__gte=_held_since(r)).order_by("at", "id")
        ],
        "stand_staff": [
            {"exhibitor": s.exhibitor.organisation, "name": s.name, "title": s.title}
            for s in StandStaff.objects.filter(
                exhibitor__edition=edition, email=r.email
            ).select_related("exhibitor")
        ],
    }


DANISH_KEYS = {
    "edition": "udgave", "title": "titel", "dates": "datoer", "registration": "tilmelding",
    "name": "navn", "email": "e-mail", "phone": "telefon", "organisation": "organisation",
    "job_title": "stilling", "committee": "udvalg", "category": "kategori", "price": "pris",
    "dinner": "middag", "diets": "kosthensyn_valgt", "days": "dage", "dietary": "kosthensyn",
    "accessibility_needs": "tilgængelighed",
    "ean": "EAN-nummer", "order_reference": "ordrenummer", "person_reference": "personreference",
    "status": "status", "registered_at": "tilmeldt", "terms_accepted_at": "betingelser_accepteret",
    "cancelled_at": "afmeldt", "cancellation_fee": "afbudsgebyr",
    "group_booking": "gruppetilmelding", "sessions": "sessioner", "slot": "tidsrum",
    "session": "session", "place_in_line": "plads_i_koeen", "chosen_at": "valgt",
    "preference_rankings": "prioriteringer", "rank": "prioritet", "consents": "samtykker",
    "purpose": "formaal", "wording": "ordlyd", "version": "version", "given_at": "givet",
    "withdrawn_at": "trukket_tilbage", "checked_in_at": "tjekket_ind", "emails": "e-mails",
    "subject": "emne", "sent_at": "sendt", "text": "tekst", "log": "log", "at": "tidspunkt",
    "action": "handling", "details": "detaljer", "stand_staff": "standpersonale",
    "exhibitor": "udstiller",
}  # fmt: skip


def in_danish(value: Any) -> Any:
    """The export's keys in Danish (`docs/privacy-export.md`); details of the log as written."""
    if isinstance(value, list):
        return [in_danish(item) for item in value]
    if isinstance(value, dict):
        return {
            DANISH_KEYS.get(key, key): item if key == "details" else in_danish(item)
            for key, item in value.items()
        }
    return value


def export_of_registration(registration: Registration) -> dict[str, Any]:
    """The JSON file from the private link: the registration as the page shows it, and every
    other store that holds the person (`registry`), keys in Danish."""
    return {
        "udtrukket": _moment(timezone.now()),
        "din_tilmelding": in_danish(personal_data(registration)),
        "registre": registry.export(erasure.person_for_export(registration.email)),
    }


def export_of_email(email: str) -> dict[str, Any]:
    """The JSON file from a one-time link by e-mail (people without a registration too)."""
    return {
        "udtrukket": _moment(timezone.now()),
        "e-mail": email,
        "registre": registry.export(erasure.person_for_export(email)),
    }


def held_since(registration: Registration) -> datetime:
    return _held_since(registration)


def _held_since(registration: Registration) -> datetime:
    """Since when the current holder has had the registration (the last hand-over)."""
    last = (
        registration.audit.filter(action=HANDED_OVER)
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    return last or registration.created_at - timedelta(seconds=1)


def record_export(*, registration: Registration, kind: str, by_user: Any = None) -> None:
    DataRequest.objects.create(
        edition_id=registration.edition_id,
        registration=registration,
        kind=kind,
        outcome=RequestOutcome.EXPORTED,
        by_user=by_user,
        at=timezone.now(),
    )


def erasure_preview(registration: Registration) -> ErasureEffect:
    return erasure_effect(
        today=timezone.localdate(),
        conference_start=registration.edition.start_date,
        is_active=registration.is_active,
    )


def request_erasure(*, registration: Registration, by_user: Any = None) -> RequestOutcome:
    """Effective at once: the private link, its export and the organisers' lists lose the
    person, and so does every other store (`erasure`). Before the conference the place is
    cancelled first (its fee rules apply) and its confirmation written to the outbox, which
    keeps the address until the pending erasure's run (`anonymise_after`). Issued invoices
    stay until bookkeeping law lets them go."""
    now = timezone.now()
    effect = erasure_preview(registration)
    person = erasure.person_of(registration)
    with transaction.atomic(durable=True):
        if effect == ErasureEffect.CANCEL:
            actor = organiser(by_user.get_username()) if by_user else PARTICIPANT
            registration_services.cancel_registration_in_transaction(
                registration=registration, actor=actor, confirm_now=True
            )
        erasure.erase_person(person, now)
        cancelled = effect == ErasureEffect.CANCEL
        DataRequest.objects.create(
            edition_id=registration.edition_id,
            registration=registration,
            kind=RequestKind.ERASURE,
            outcome=RequestOutcome.CANCELLED if cancelled else RequestOutcome.ANONYMISED,
            by_user=by_user,
            at=now,
            anonymise_after=now + AFTER_CANCELLATION if cancelled else None,
            anonymised_at=None if cancelled else now,
        )
    return RequestOutcome.CANCELLED if cancelled else RequestOutcome.ANONYMISED


def update_privacy(
    *, settings: Any, text: str, list_consent_text: str, photo_consent_text: str, user: Any
) -> int | None:
    """Saves the edition's settings and, if the notice or a wording changed, publishes the
    next version (versions are never edited). Returns the new version's number, if any."""
    edition = settings.edition
    with transaction.atomic(durable=True):
        settings.save()
        latest = (
            PrivacyNotice.objects.select_for_update()
            .filter(edition=edition)
            .order_by("-version")
            .first()
        )
        wanted = (text.strip(), list_consent_text.strip(), photo_consent_text.strip())
        if latest is not None and wanted == (
            latest.text,
            latest.list_consent_text,
            latest.photo_consent_text,
        ):
            return None
        version = (latest.version if latest else 0) + 1
        PrivacyNotice.objects.create(
            edition=edition,
            version=version,
            text=wanted[0],
            list_consent_text=wanted[1],
            photo_consent_text=wanted[2],
            published_by=user,
        )
    return version
