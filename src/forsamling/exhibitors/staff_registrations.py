"""Stand staff are participants too: each named member gets a registration in the edition's
stand-staff category, so they get a badge, are on the door lists and in the dinner count.

The registration is found again by its idempotency key, made from the member's id; naming
the same member twice registers them once.

The stand-staff category's price is the edition's one price for a stand-staff pass: the
booking page shows it, the member's registration carries it (through the category) and the
exhibitor's invoice bills it. An organiser changes it in one place, the category.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from decimal import Decimal

from django.db import transaction

from forsamling.domain import audit
from forsamling.domain.registration_rules import AlreadyRegistered
from forsamling.exhibitors.models import StandStaff
from forsamling.registration.models import Category, Registration, Status
from forsamling.registration.services import (
    ParticipantDetails,
    cancel_registration,
    register_participant,
    update_details,
)

logger = logging.getLogger(__name__)

STAND_STAFF_KEY = "standpersonale"  # the category's key in every edition


# The idempotency key's prefix marks a registration made for a stand's staff: the exhibitor
# pays for it as a pass on the stand's invoice, not as a participant.
KEY_PREFIX = "stand-staff-"


def registration_key(member: StandStaff) -> str:
    return f"{KEY_PREFIX}{member.pk}"


def stand_staff_category(edition_id: int) -> Category | None:
    return Category.objects.filter(edition=edition_id, key=STAND_STAFF_KEY).first()


def registers_stand_staff(edition_id: int) -> bool:
    """Whether named stand staff become registrations (and so are asked about the dinner)."""
    return Category.objects.filter(edition=edition_id, key=STAND_STAFF_KEY).exists()


def pass_price(edition_id: int) -> Decimal | None:
    """What each stand-staff pass costs in the edition, or None without the category."""
    return (
        Category.objects.filter(edition=edition_id, key=STAND_STAFF_KEY)
        .values_list("price", flat=True)
        .first()
    )


def register_stand_staff(member: StandStaff, *, dinner: bool = False) -> Registration | None:
    """Registers the member without sessions; dinner as the exhibitor said (they can change
    it, and choose sessions, on their own link).

    Someone already registered with the e-mail keeps that registration; an edition without
    a stand-staff category registers nobody (and says so in the log).

    It runs inside the caller's transaction (`services.add_stand_staff`, which locks the
    exhibitor); the savepoint keeps that transaction usable when the e-mail is taken."""
    exhibitor = member.exhibitor
    category = stand_staff_category(exhibitor.edition_id)
    if category is None:
        logger.warning("Edition %s has no stand-staff category", exhibitor.edition_id)
        return None
    try:
        with transaction.atomic():
            return register_participant(
                edition=exhibitor.edition,
                idempotency_key=registration_key(member),
                details=ParticipantDetails(
                    name=member.name,
                    email=member.email,
                    organisation=exhibitor.organisation,
                    job_title=member.title,
                    dinner=dinner,
                ),
                category=category,
                sessions=[],
                actor=audit.exhibitor(exhibitor.pk),
                outside_window=True,
                takes_place=False,  # on the stand, not in the hall: no place of the capacity
            ).registration
    except AlreadyRegistered:
        return None


def cancel_stand_staff(member: StandStaff) -> None:
    found = Registration.objects.filter(
        idempotency_key=registration_key(member), status=Status.ACTIVE
    ).first()
    if found is not None:
        cancel_registration(registration=found, actor=audit.exhibitor(member.exhibitor_id))


def dinner_answers(members: list[StandStaff]) -> dict[int, bool]:
    """Whether each member with a stand-staff registration comes to the dinner, by member id
    (one query); members registered on their own are not in it."""
    keys = {registration_key(member): member.pk for member in members}
    found = Registration.objects.filter(idempotency_key__in=keys, status=Status.ACTIVE)
    return {keys[key]: dinner for key, dinner in found.values_list("idempotency_key", "dinner")}


def change_dinner(member: StandStaff, *, dinner: bool) -> bool:
    """Sets the dinner answer on the member's registration; False when it has none (the
    member registered on their own, and answers there)."""
    found = Registration.objects.filter(
        idempotency_key=registration_key(member), status=Status.ACTIVE
    ).first()
    if found is None:
        return False
    update_details(
        registration=found,
        details=replace(ParticipantDetails.of(found), dinner=dinner),
        actor=audit.exhibitor(member.exhibitor_id),
    )
    return True
