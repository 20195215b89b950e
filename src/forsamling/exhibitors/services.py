"""Every change to stands, exhibitors and stand staff: one function each, one transaction each.

Scarce stands are locked late and once, in id order, before the rules are checked, so two
exhibitors racing for the same stand cannot both get it. E-mails go out only after commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from forsamling.conferences.models import Edition
from forsamling.core.transactions import lock_names
from forsamling.domain import stands as rules
from forsamling.exhibitors import images, queries, staff_registrations
from forsamling.exhibitors.models import (
    Exhibitor,
    Extra,
    ExtraOrder,
    Stand,
    StandChange,
    StandStaff,
)
from forsamling.outbox import sending

__all__ = [
    "ExhibitorDetails",
    "add_stand_staff",
    "book_stands",
    "change_stand_staff_dinner",
    "email_exhibitors",
    "hold_stand",
    "move_stand",
    "release_stand",
    "remove_stand_staff",
    "update_exhibitor_profile",
]


@dataclass(frozen=True)
class ExhibitorDetails:
    """What an exhibitor types when booking; already cleaned by the form."""

    organisation: str
    cvr: str
    contact_name: str
    contact_email: str
    contact_phone: str
    invoice_address: str
    invoice_reference: str = ""
    ean: str = ""


def book_stands(
    *,
    edition: Edition,
    stand_ids: Sequence[int],
    details: ExhibitorDetails,
    extras: Mapping[int, int] | None = None,
    now: datetime | None = None,
) -> Exhibitor:
    """Books the stands for a new exhibitor, or raises a StandError and books nothing.

    `extras`: how many of each of the edition's extras (by id) go with the stands, ordered
    at today's price; an extra of another edition, or more than its maximum, is refused."""
    now = now or timezone.now()
    rules.check_booking_window(
        now=now,
        opens_at=edition.exhibitors_open_at,
        closes_at=edition.exhibitors_close_at,
        first_day=edition.start_date,
    )
    cvr = rules.validate_cvr(details.cvr)
    with transaction.atomic(durable=True):
        # The limit counts the company's and the contact's stands across their bookings:
        # locked first, so two bookings with the same CVR or e-mail are checked one by one.
        lock_names(
            f"stands:{edition.pk}:cvr:{cvr}",
            f"stands:{edition.pk}:email:{details.contact_email.strip().lower()}",
        )
        stands = _lock_stands(edition=edition, stand_ids=stand_ids)
        if len(stands) != len(set(stand_ids)):
            raise rules.NoStandsChosen()
        rules.check_stands_bookable(stand.state for stand in stands)
        rules.check_stand_count(chosen=len(stands), allowed=edition.max_stands_per_exhibitor)
        rules.check_stand_count_across_bookings(
            chosen=len(stands),
            booked=_stands_of(edition=edition, cvr=cvr, email=details.contact_email),
            allowed=edition.max_stands_per_exhibitor,
        )
        exhibitor = Exhibitor.objects.create(
            edition=edition,
            organisation=details.organisation,
            cvr=cvr,
            contact_name=details.contact_name,
            contact_email=details.contact_email,
            contact_phone=details.contact_phone,
            invoice_address=details.invoice_address,
            invoice_reference=details.invoice_reference,
            ean=rules.validate_ean(details.ean) if details.ean else "",
        )
        Stand.objects.filter(pk__in=[stand.pk for stand in stands]).update(
            status=rules.StandStatus.BOOKED.value, exhibitor=exhibitor, hold_note=""
        )
        StandChange.objects.bulk_create(
            StandChange(stand=stand, action=StandChange.Action.BOOKED, exhibitor=exhibitor)
            for stand in stands
        )
        _order_extras(exhibitor, extras or {})
        _send_booking_confirmation(exhibitor.pk)  # into the outbox, in this transaction
    return exhibitor


def _order_extras(exhibitor: Exhibitor, wanted: Mapping[int, int]) -> None:
    wanted = {extra_id: n for extra_id, n in wanted.items() if n}
    offered = {x.pk: x for x in Extra.objects.filter(edition=exhibitor.edition, pk__in=wanted)}
    for extra_id, quantity in wanted.items():
        extra = offered.get(extra_id)
        if extra is None:
            raise rules.UnknownExtra(extra_id)
        rules.check_extra_quantity(quantity=quantity, allowed=extra.max_quantity)
    ExtraOrder.objects.bulk_create(
        ExtraOrder(exhibitor=exhibitor, extra=offered[i], quantity=n, unit_price=offered[i].price)
        for i, n in wanted.items()
    )


def hold_stand(*, stand: Stand, note: str = "", actor: Any = None) -> Stand:
    """The organisers keep a free stand back, e.g. for a partner; it cannot be booked."""
    with transaction.atomic(durable=True):
        locked = _lock_stand(stand.pk)
        rules.check_stands_bookable([locked.state])
        locked.status = rules.StandStatus.HELD.value
        locked.hold_note = note
        locked.save(update_fields=["status", "hold_note"])
        _log(locked, StandChange.Action.HELD, actor=actor, note=note)
    return locked


def release_stand(*, stand: Stand, actor: Any = None, note: str = "") -> Stand:
    """Frees a held or booked stand; the exhibitor keeps its profile and any other stands."""
    with transaction.atomic(durable=True):
        locked = _lock_stand(stand.pk)
        previous = locked.exhibitor
        locked.status = rules.StandStatus.FREE.value
        locked.exhibitor = None
        locked.hold_note = ""
        locked.save(update_fields=["status", "exhibitor", "hold_note"])
        _log(locked, StandChange.Action.RELEASED, exhibitor=previous, actor=actor, note=note)
    return locked


def move_stand(*, source: Stand, target: Stand, actor: Any = None) -> Stand:
    """Moves a booking from one stand to a free one in the same edition."""
    if source.edition_id != target.edition_id:
        raise rules.StandTaken([target.number])
    with transaction.atomic(durable=True):
        locked = {
            stand.pk: stand
            for stand in Stand.objects.select_for_update()
            .filter(pk__in=[source.pk, target.pk])
            .order_by("pk")
        }
        old, new = locked[source.pk], locked[target.pk]
        rules.check_stand_movable(source=old.state, target=new.state)
        exhibitor = old.exhibitor
        old.status, old.exhibitor = rules.StandStatus.FREE.value, None
        old.save(update_fields=["status", "exhibitor"])
        new.status, new.exhibitor, new.hold_note = rules.StandStatus.BOOKED.value, exhibitor, ""
        new.save(update_fields=["status", "exhibitor", "hold_note"])
        note = f"{old.number} → {new.number}"
        _log(old, StandChange.Action.MOVED_OUT, exhibitor=exhibitor, actor=actor, note=note)
        _log(new, StandChange.Action.MOVED_IN, exhibitor=exhibitor, actor=actor, note=note)
    return new


def add_stand_staff(
    *, exhibitor: Exhibitor, name: str, email: str, title: str = "", dinner: bool = False
) -> StandStaff:
    """Names one of the exhibitor's stand staff, within the passes its stands include."""
    with transaction.atomic(durable=True):
        # The exhibitor row is the lock: two tabs adding the last pass at once get one each.
        Exhibitor.objects.select_for_update().filter(pk=exhibitor.pk).get()
        passes = Stand.objects.filter(exhibitor=exhibitor).values_list("included_passes", flat=True)
        rules.check_room_for_staff(included_passes=passes, named=exhibitor.staff.count())
        member = StandStaff.objects.create(exhibitor=exhibitor, name=name, email=email, title=title)
        staff_registrations.register_stand_staff(member, dinner=dinner)
        _send_staff_confirmation(member.pk)  # into the outbox, in this transaction
    return member


def change_stand_staff_dinner(*, member: StandStaff, dinner: bool) -> bool:
    """The exhibitor's later answer: whether the member comes to the dinner. False when the
    member has no stand-staff registration to change (they registered on their own)."""
    return staff_registrations.change_dinner(member, dinner=dinner)


def remove_stand_staff(*, member: StandStaff) -> None:
    """Frees the pass again; no lock is needed to give something back."""
    staff_registrations.cancel_stand_staff(member)
    member.delete()


def update_exhibitor_profile(
    *, exhibitor: Exhibitor, description: str, website: str, logo: Any = None
) -> Exhibitor:
    """The profile shown on the public exhibitor page."""
    exhibitor.description = description
    exhibitor.website = website
    fields = ["description", "website"]
    if logo is not None:
        exhibitor.logo = images.with_detected_extension(logo)
        fields.append("logo")
    exhibitor.save(update_fields=fields)
    return exhibitor


def email_exhibitors(*, exhibitors: Iterable[Exhibitor], subject: str, body: str) -> int:
    """One e-mail to each exhibitor's contact person, queued in the outbox; returns how many."""
    count = 0
    with transaction.atomic(durable=True):
        for exhibitor in exhibitors:
            sending.queue(
                to=exhibitor.contact_email, subject=subject, body=body, edition=exhibitor.edition
            )
            count += 1
    return count


def _stands_of(*, edition: Edition, cvr: str, email: str) -> int:
    """The stands booked at the edition by exhibitors with this CVR number or contact e-mail."""
    return (
        Stand.objects.filter(edition=edition, status=rules.StandStatus.BOOKED.value)
        .filter(Q(exhibitor__cvr=cvr) | Q(exhibitor__contact_email__iexact=email.strip()))
        .count()
    )


def _lock_stands(*, edition: Edition, stand_ids: Sequence[int]) -> list[Stand]:
    return list(
        Stand.objects.select_for_update().filter(edition=edition, pk__in=stand_ids).order_by("pk")
    )


def _lock_stand(pk: int) -> Stand:
    return Stand.objects.select_for_update(of=("self",)).select_related("exhibitor").get(pk=pk)


def _log(
    stand: Stand,
    action: str,
    *,
    exhibitor: Exhibitor | None = None,
    actor: Any = None,
    note: str = "",
) -> None:
    StandChange.objects.create(
        stand=stand,
        action=action,
        exhibitor=exhibitor or stand.exhibitor,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note[:300],
    )


def _send_booking_confirmation(exhibitor_pk: int) -> None:
    exhibitor = Exhibitor.objects.select_related("edition").get(pk=exhibitor_pk)
    summary = queries.booking_summary(exhibitor)
    with translation.override("da"):
        body = render_to_string(
            "exhibitors/email/booking_confirmation.txt",
            {
                "exhibitor": exhibitor,
                "stands": summary.stands,
                "summary": summary,
                "link": settings.SITE_URL + exhibitor.get_absolute_url(),
            },
        )
        subject = f"Standbooking: {exhibitor.edition.title}"
    sending.queue(to=exhibitor.contact_email, subject=subject, body=body, edition=exhibitor.edition)


def _send_staff_confirmation(member_pk: int) -> None:
    member = StandStaff.objects.select_related("exhibitor__edition").get(pk=member_pk)
    with translation.override("da"):
        body = render_to_string("exhibitors/email/staff_confirmation.txt", {"member": member})
        subject = f"Standpersonale: {member.exhibitor.edition.title}"
    sending.queue(to=member.email, subject=subject, body=body, edition=member.exhibitor.edition)
