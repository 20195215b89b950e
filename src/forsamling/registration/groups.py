"""Group registration: a secretary registers several participants of one organisation.

Each participant gets their own category, choices, seats and private link, exactly as if
they had registered themselves; the secretary gets one overview page with the group total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.domain.audit import Actor, ActorKind, AuditAction
from forsamling.domain.ean import validate_ean
from forsamling.domain.registration_rules import check_not_paused, check_window
from forsamling.programme.models import Session, Track
from forsamling.registration import emails
from forsamling.registration.models import AuditEntry, Category, GroupBooking
from forsamling.registration.queries import registration_closes_at
from forsamling.registration.seats import take_places
from forsamling.registration.services import ParticipantDetails, Registered, register_participant


@dataclass(frozen=True)
class GroupMember:
    idempotency_key: str
    details: ParticipantDetails
    category: Category
    sessions: Sequence[Session] = field(default_factory=list)
    track: Track | None = None
    invitation_code: str = ""


def register_group(
    *,
    edition: Edition,
    organisation: str,
    secretary_name: str,
    secretary_email: str,
    ean: str = "",
    order_reference: str = "",
    person_reference: str = "",
    members: Sequence[GroupMember] = (),
) -> GroupBooking:
    """Opens a group booking and registers its first members, all or none of them. The
    invoice details (EAN, order number, person reference) are the group's, typed once.

    The members take the edition's places (if it has a capacity) together, in one update
    after they are registered: the whole group fits, or `EditionFull` and nobody is booked."""
    check_window(timezone.now(), edition.registration_opens_at, registration_closes_at(edition))
    check_not_paused(edition.registration_paused)
    ean = validate_ean(ean) if ean.strip() else ""
    with transaction.atomic(durable=True):
        group = GroupBooking.objects.create(
            edition=edition,
            organisation=organisation.strip(),
            secretary_name=secretary_name.strip(),
            secretary_email=secretary_email.strip().lower(),
            ean=ean,
            order_reference=order_reference.strip(),
            person_reference=person_reference.strip(),
        )
        AuditEntry.record(
            edition_id=edition.pk,
            actor=Actor(ActorKind.SECRETARY, group.secretary_email),
            action=AuditAction.GROUP_CREATED,
            details={"group": group.pk, "organisation": group.organisation},
        )
        for member in members:
            add_group_member(group=group, member=member, place_taken_by_caller=True)
        take_places(edition, len(members))
        emails.send_group_link(group.pk)
    return group


def add_group_member(
    *,
    group: GroupBooking,
    member: GroupMember,
    place_taken_by_caller: bool = False,
    network: str = "",
) -> Registered:
    """Registers one more participant in the group, as the secretary, invoiced with the
    group's invoice details where the participant has none of their own. It takes one of the
    edition's places, unless the caller takes the places of several members at once.

    Opens no transaction of its own: `register_participant`'s is its own, or a savepoint in
    `register_group`'s. An invitation-only category's code is counted there, as for anyone."""
    details = member.details
    details = replace(
        details,
        ean=details.ean or group.ean,
        order_reference=details.order_reference or group.order_reference,
        person_reference=details.person_reference or group.person_reference,
    )
    return register_participant(
        edition=group.edition,
        idempotency_key=member.idempotency_key,
        details=details,
        category=member.category,
        sessions=member.sessions,
        group=group,
        track=member.track,
        actor=Actor(ActorKind.SECRETARY, group.secretary_email),
        place_taken_by_caller=place_taken_by_caller,
        network=network,
        invitation_code=member.invitation_code,
    )
