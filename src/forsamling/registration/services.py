"""Every change to a registration: one function each, one transaction each, e-mail on commit.

Views call exactly one of these. Domain errors (`forsamling.domain.*`) pass through
unchanged; the public pages turn them into Danish messages.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.core.transactions import require_callers_transaction
from forsamling.domain.audit import PARTICIPANT, SYSTEM, Actor, AuditAction
from forsamling.domain.ean import InvalidEAN, validate_ean
from forsamling.domain.meals import checked_diets
from forsamling.domain.registration_rules import (
    AlreadyRegistered,
    NotEligible,
    RegistrationCancelled,
    RegistrationError,
    SessionUnavailable,
    TimeRange,
    cancellation_fee,
    check_eligible,
    check_no_overlap,
    check_not_paused,
    check_one_per_slot,
    check_window,
)
from forsamling.programme.models import ItemKind, Session, SessionKind, Track
from forsamling.registration import dinner, emails, invitation_codes, push
from forsamling.registration.models import (
    AuditEntry,
    CalendarFeed,
    Category,
    Choice,
    ConsentRecord,
    GivenBy,
    GroupBooking,
    Purpose,
    PushSubscription,
    Registration,
    Status,
)
from forsamling.registration.queries import (
    current_wording,
    dinner_to_take,
    registration_by_key,
    registration_closes_at,
    slot_time_range,
)
from forsamling.registration.seats import (
    Counter,
    fill_from_waiting_lists,
    lock_seats,
    release_choices,
    release_place,
    take_places,
    take_seats,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParticipantDetails:
    """What a participant types about themselves (everything but category and sessions)."""

    name: str
    email: str
    organisation: str
    phone: str = ""
    job_title: str = ""
    committee: str = ""
    dinner: bool = False
    diets: Sequence[str] = ()  # keys of `forsamling.domain.meals.DIETS`
    dietary: str = ""
    accessibility_needs: str = ""
    days: Sequence[str] = ()  # ISO dates attended; empty: every day
    ean: str = ""
    order_reference: str = ""
    person_reference: str = ""
    list_consent: bool = False

    @classmethod
    def of(cls, registration: Registration) -> ParticipantDetails:
        return cls(**{field.name: getattr(registration, field.name) for field in fields(cls)})

    def cleaned(self) -> dict[str, Any]:
        values = asdict(self)
        values["email"] = self.email.strip().lower()
        values["ean"] = validate_ean(self.ean) if self.ean.strip() else ""
        values["diets"] = checked_diets(self.diets)
        values["days"] = sorted(set(self.days))
        return values


@dataclass(frozen=True)
class Registered:
    registration: Registration
    created: bool
    # Staff registered a walk-in although every place of the edition's capacity was taken.
    over_capacity: bool = False


def register_participant(
    *,
    edition: Edition,
    idempotency_key: str,
    details: ParticipantDetails,
    category: Category,
    sessions: Sequence[Session],
    group: GroupBooking | None = None,
    track: Track | None = None,
    actor: Actor = PARTICIPANT,
    outside_window: bool = False,
    takes_place: bool = True,
    may_exceed_capacity: bool = False,
    place_taken_by_caller: bool = False,
    network: str = "",
    invitation_code: str = "",
) -> Registered:
    """Registers one participant with a seat (or a waiting-list place) per chosen session.

    Everything a registration does, in this order, in one transaction: the registration row;
    the use of its invitation code (an invitation-only category); its confirmation e-mail
    queued in the outbox (sent after the commit); the participant-list consent as a record
    (if ticked); the session seats (or waiting-list places); the audit entry; last, one of the
    edition's places. A refusal at any step rolls all of it back.

    `invitation_code`: an invitation-only or free category needs a usable code
    (`registration_rules.needs_invitation`), whose use is counted here (`InvitationInvalid`
    otherwise); staff registering someone (`outside_window`) need none, but a code they pass
    (a speaker's invitation) is checked and counted as anyone's.

    `outside_window`: registered by staff, not through the public form: a walk-in at the
    door after the window has closed, or stand staff named by their exhibitor before it
    opens. Every other rule applies.

    The edition's capacity ("Pladser i alt", `seats.take_places`): the registration takes one of its
    places unless `takes_place` is False (stand staff), and is refused with `EditionFull`
    when none is left, unless `may_exceed_capacity` (a walk-in registered by staff, who are
    told through `Registered.over_capacity`). `place_taken_by_caller`: a group booking takes
    the places of all its members at once, after registering them.

    A repeated call with the same idempotency key (a double click, a retry after a timeout)
    returns the first registration and changes nothing, even if the window has closed since.
    The happy path is one transaction of seven statements: the registration and its queued
    confirmation e-mail, then (the counters are held for as few round trips as can be) the
    counters locked, the sessions read, the choices, the counters taken and the audit entry.

    Not durable: it joins the caller's transaction when there is one (a group's first members,
    stand staff named by their exhibitor), where its block is a savepoint, so a refused
    duplicate leaves the caller's transaction usable; alone (the public form, a group's next
    member, a walk-in at the door) it is its own transaction. It is not
    split into a durable entry point and a step because the two would differ only in
    `durable=`, and the step's savepoint is what lets a caller catch `AlreadyRegistered`.
    """
    now = timezone.now()
    try:
        if not outside_window:  # walk-ins and stand staff are registered by staff
            check_window(now, edition.registration_opens_at, registration_closes_at(edition))
            check_not_paused(edition.registration_paused)
        values = details.cleaned()
        _check_choices(edition, category, sessions)
        dinner_seat = dinner_to_take(edition, values["dinner"])  # [] if no limit or no
        if track is not None and track.edition_id != edition.pk:
            raise ValueError("Track of another edition")
    except (RegistrationError, NotEligible, InvalidEAN):
        # A retry of a registration that went through answers with it, even if the window
        # has closed or a session has changed since.
        if existing := earlier_registration(edition=edition, idempotency_key=idempotency_key):
            return Registered(existing, created=False)
        raise
    try:
        with transaction.atomic():
            # First, before any counter is locked: a retry with the same key, or an e-mail
            # already registered, fails here and takes no lock.
            registration = Registration.objects.create(
                edition=edition,
                idempotency_key=idempotency_key,
                category=category,
                terms_accepted_at=now,
                group=group,
                track=track,
                takes_place=takes_place,
                network=network,
                **values,
            )
            # Free categories too (issue 28). Staff's paths need no code; one given (the
            # speaker's invitation, a code typed at the desk) is counted all the same.
            if category.needs_invitation and (invitation_code or not outside_window):
                invitation_codes.redeem(category=category, code=invitation_code)
            emails.send_confirmation(registration.pk)  # sent after the commit, by the worker
            record_registration_consent(registration, now)  # only if ticked
            seats = lock_seats(session.pk for session in [*sessions, *dinner_seat])
            _check_open(sessions, seats)
            choices = take_seats(registration, [*sessions, *dinner_seat], seats, now)
            _audit(
                registration,
                actor,
                AuditAction.REGISTERED,
                {
                    "category": category.key,
                    "choices": {str(c.session_id): c.status for c in choices},
                },
            )
            # Last: the edition's one counter row is held only until the commit. No query
            # when the edition has no capacity.
            over = (
                takes_place
                and not place_taken_by_caller
                and take_places(edition, 1, may_exceed=may_exceed_capacity)
            )
    except IntegrityError as error:
        if (existing := registration_by_key(edition, idempotency_key)) is not None:
            return Registered(existing, created=False)
        if Registration.objects.filter(
            edition=edition, email=values["email"], status=Status.ACTIVE
        ).exists():
            raise AlreadyRegistered() from None
        logger.exception("Registration %r failed", idempotency_key)
        if _is_foreign_key_violation(error):  # a category or session removed meanwhile
            raise SessionUnavailable(None) from None
        raise
    return Registered(registration, created=True, over_capacity=over)


IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")  # secrets.token_urlsafe's alphabet


def earlier_registration(*, edition: Edition, idempotency_key: str) -> Registration | None:
    """The registration a form with this idempotency key already made, if any: the answer to
    a double click or a retry, even after closing or after a session changed. Asked only when
    a registration is refused, so the rush's happy path reads nothing for it."""
    if not IDEMPOTENCY_KEY.fullmatch(idempotency_key):  # what the form hands out; else nothing
        return None
    return registration_by_key(edition, idempotency_key)


def change_choices(
    *, registration: Registration, sessions: Sequence[Session], actor: Actor = PARTICIPANT
) -> None:
    """Makes `sessions` the participant's choices. A session kept keeps its seat or place in
    line; a seat given up goes to the first in line at once."""
    _check_active(registration)
    _check_choices(registration.edition, registration.category, sessions)
    now = timezone.now()
    wanted = {session.pk for session in sessions}
    with transaction.atomic(durable=True):
        _lock_active(registration)
        # The dinner's seat is a choice too (registration.dinner); it is not changed here.
        breakouts = registration.choices.exclude(session__kind=SessionKind.DINNER)
        held = set(breakouts.values_list("session_id", flat=True))
        seats = lock_seats(held | wanted)
        _check_open(sessions, seats)
        current = list(breakouts.all())  # read again: a promotion may have just run
        kept = {choice.session_id for choice in current if choice.session_id in wanted}
        dropped = [choice for choice in current if choice.session_id not in wanted]
        added = [session for session in sessions if session.pk not in kept]
        if not dropped and not added:
            return
        release_choices(dropped, seats)
        choices = take_seats(registration, added, seats, now)
        promoted = fill_from_waiting_lists(seats, now)
        _audit(
            registration,
            actor,
            AuditAction.CHOICES_CHANGED,
            {
                "dropped": [c.session_id for c in dropped],
                "added": {str(c.session_id): c.status for c in choices},
            },
        )
        _notify_promoted(promoted)


def update_details(
    *, registration: Registration, details: ParticipantDetails, actor: Actor = PARTICIPANT
) -> None:
    """Updates what the participant typed; the e-mail must stay unique in the edition."""
    _check_active(registration)
    values = details.cleaned()
    changed = {k: v for k, v in values.items() if getattr(registration, k) != v}
    if not changed:
        return
    with transaction.atomic(durable=True):
        _lock_active(registration)
        for field, value in changed.items():
            setattr(registration, field, value)
        try:
            with transaction.atomic():
                registration.save(update_fields=[*changed, "updated_at"])
        except IntegrityError:
            raise AlreadyRegistered() from None
        if "list_consent" in changed:
            sync_list_consent(registration, changed["list_consent"], timezone.now())
        if "dinner" in changed:
            dinner.change_seat_in_transaction(registration, changed["dinner"])
        _audit(registration, actor, AuditAction.DETAILS_UPDATED, {"fields": sorted(changed)})


def change_track(*, registration: Registration, track: Track, actor: Actor = PARTICIPANT) -> None:
    """Makes `track` the participant's afternoon track ("sæson"), one of their edition's. The
    track holds no seat and no consent, so only the row and the audit entry change."""
    _check_active(registration)
    if track.edition_id != registration.edition_id:
        raise ValueError("Track of another edition")
    if registration.track_id == track.pk:
        return
    with transaction.atomic(durable=True):
        _lock_active(registration)
        registration.track = track
        registration.save(update_fields=["track", "updated_at"])
        _audit(registration, actor, AuditAction.DETAILS_UPDATED, {"fields": ["track"]})


def cancel_registration(*, registration: Registration, actor: Actor = PARTICIPANT) -> None:
    """Cancels; seats go to the waiting lists at once. After the deadline the fee stands."""
    _check_active(registration)
    with transaction.atomic(durable=True):
        cancel_registration_in_transaction(registration=registration, actor=actor)


def cancel_registration_in_transaction(
    *, registration: Registration, actor: Actor = PARTICIPANT, confirm_now: bool = False
) -> None:
    """`cancel_registration` as a step that runs inside the caller's transaction (an erasure
    request cancels and records the request in one). `confirm_now` writes the confirmation
    from the row as it is now, for a caller that anonymises it in the same transaction."""
    require_callers_transaction()
    _check_active(registration)
    now = timezone.now()
    _lock_active(registration)
    seats = lock_seats(registration.choices.values_list("session_id", flat=True))
    choices = list(registration.choices.all())  # read after the lock: statuses are current
    release_choices(choices, seats)
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.cancellation_fee = cancellation_fee(
        registration.category.price, now, registration.edition.cancellation_deadline
    )
    registration.save(update_fields=["status", "cancelled_at", "cancellation_fee", "updated_at"])
    promoted = fill_from_waiting_lists(seats, now)
    _audit(registration, actor, AuditAction.CANCELLED, {"fee": str(registration.cancellation_fee)})
    if confirm_now:
        emails.write_cancellation(registration)
    else:
        emails.send_cancellation(registration.pk)
    _notify_promoted(promoted)
    release_place(registration)  # last, as a registration takes it last


@dataclass(frozen=True)
class Colleague:
    """Who takes over a place, and what of the participant's details they keep.

    Name, e-mail and job title are the colleague's own; the organisation, the invoice details
    and the seats go with the place. Dinner, dietary needs and the person reference are kept
    only if the one handing over says so; the rest (phone, committee, accessibility needs,
    consent to the list) is the colleague's to give, so it starts empty."""

    name: str
    email: str
    job_title: str = ""
    keeps_dinner: bool = False
    keeps_dietary: bool = False
    keeps_person_reference: bool = False

    def details(self, registration: Registration) -> ParticipantDetails:
        return ParticipantDetails(
            name=self.name,
            email=self.email,
            organisation=registration.organisation,
            job_title=self.job_title,
            dinner=registration.dinner if self.keeps_dinner else False,
            diets=registration.diets if self.keeps_dietary else (),
            dietary=registration.dietary if self.keeps_dietary else "",
            days=registration.days,
            ean=registration.ean,
            order_reference=registration.order_reference,
            person_reference=registration.person_reference if self.keeps_person_reference else "",
        )


def substitute_participant(
    *,
    registration: Registration,
    details: ParticipantDetails | None = None,
    colleague: Colleague | None = None,
    actor: Actor = PARTICIPANT,
) -> Registration:
    """Hands the place, seats and waiting-list places included, to a colleague: given either
    all of their `details`, or a `colleague` and what they keep of the participant's.

    The colleague gets a new private link; the old one stops working.
    """
    _check_active(registration)
    if colleague is not None:
        details = colleague.details(registration)
    if details is None:
        raise ValueError("A colleague or their details are needed")
    values = details.cleaned()
    previous = {"name": registration.name, "email": registration.email}
    with transaction.atomic(durable=True):
        _lock_active(registration)
        for field, value in values.items():
            setattr(registration, field, value)
        registration.token = Registration._meta.get_field("token").get_default()
        try:
            with transaction.atomic():
                registration.save(update_fields=[*values, "token", "updated_at"])
        except IntegrityError:
            raise AlreadyRegistered() from None
        close_consents(registration, timezone.now())  # the colleague has given none
        # The calendar feed and the phones told about the place were the former holder's.
        CalendarFeed.objects.filter(registration=registration).delete()
        PushSubscription.objects.filter(registration=registration).delete()
        if values["list_consent"]:
            record_registration_consent(registration, timezone.now())
        _audit(
            registration, actor, AuditAction.SUBSTITUTED, {"from": previous, "to": values["email"]}
        )
        emails.send_confirmation(registration.pk, substituted=True)
    return registration


def resend_link(*, edition: Edition, email: str) -> None:
    """E-mails the private link if the address has a registration; says nothing either way."""
    registration = Registration.objects.filter(
        edition=edition, email=email.strip().lower(), status=Status.ACTIVE
    ).first()
    if registration is not None:
        emails.send_link(registration.pk)


# The consent records a registration writes as plain steps of its transaction: at
# registration, on a hand-over and when the participant-list box changes on the private page.
# The records and the notice whose wording they carry are registration's data
# (`models.ConsentRecord`, `models.PrivacyNotice`, `queries.current_wording`); the privacy app
# above builds the pages, giving and withdrawing one consent at a time, export and erasure on
# them (`forsamling.privacy.consents`).


def record_registration_consent(registration: Registration, now: datetime) -> None:
    """At registration, in its transaction: the participant-list box as ticked, as a record.

    On the 10.00 path this is one INSERT when the box is ticked (the wording is read at most
    once a second per process), nothing when it is not.
    """
    if not registration.list_consent:
        return
    if registration.group_id is None:
        create_consent(registration, Purpose.PARTICIPANT_LIST, now)
        return
    # Ticked by the group's secretary: recorded as theirs, and the member is off the list
    # until they confirm on their own page (`give_consent`).
    create_consent(registration, Purpose.PARTICIPANT_LIST, now, given_by=GivenBy.SECRETARY)
    Registration.objects.filter(pk=registration.pk).update(list_consent=False)
    registration.list_consent = False


def sync_list_consent(registration: Registration, given: bool, now: datetime) -> None:
    """After `update_details` changed the box: a record given or withdrawn (in its transaction)."""
    open_ = registration.consents.filter(
        purpose=Purpose.PARTICIPANT_LIST, withdrawn_at__isnull=True
    )
    if given and not open_.filter(given_by=GivenBy.PARTICIPANT).exists():
        open_.update(withdrawn_at=now)  # the secretary's, now confirmed by the member
        create_consent(registration, Purpose.PARTICIPANT_LIST, now)
    elif not given:
        open_.update(withdrawn_at=now)


def close_consents(registration: Registration, now: datetime) -> None:
    """Every consent in force ends (a hand-over: the colleague has given none; an erasure)."""
    registration.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)


def create_consent(
    registration: Registration, purpose: str, now: datetime, given_by: str = GivenBy.PARTICIPANT
) -> None:
    """One consent record, with the wording in force and its version."""
    wording = current_wording(registration.edition)
    ConsentRecord.objects.create(
        registration=registration,
        purpose=purpose,
        version=wording.version,
        wording=wording.of(purpose),
        given_at=now,
        given_by=given_by,
    )


def _check_active(registration: Registration) -> None:
    if not registration.is_active:
        raise RegistrationCancelled()


def _lock_active(registration: Registration) -> None:
    """Locks the registration's row for the transaction and checks it is still active.

    Changes to one registration then run one at a time (a double click on "save", a cancel
    racing a change), always taking this lock before any seat counter. It is FOR NO KEY UPDATE,
    so a promotion's audit entry for this participant (a foreign key check) never waits on it.
    Choices are read after the seat counters are locked: until then a promotion may change them.
    """
    status = (
        Registration.objects.select_for_update(no_key=True)  # lets rows that refer to it be added
        .values_list("status", flat=True)
        .get(pk=registration.pk)
    )
    if status != Status.ACTIVE:
        raise RegistrationCancelled()


def _check_choices(edition: Edition, category: Category, sessions: Sequence[Session]) -> None:
    """The rules a choice of sessions must keep, from the sessions as given (no query)."""
    if category.edition_id != edition.pk:
        raise ValueError("Category of another edition")
    slot_times: dict[int, TimeRange] = {}
    for session in sessions:
        slot = session.slot
        if session.is_cancelled or slot.edition_id != edition.pk or slot.kind != ItemKind.BREAKOUT:
            raise SessionUnavailable(session)
        check_eligible(category.attendee, session.audience)
        time_range = slot_time_range(slot)
        if time_range is not None:
            slot_times[slot.pk] = time_range
    check_one_per_slot((session.slot_id, session.pk) for session in sessions)
    check_no_overlap(slot_times)


def _check_open(sessions: Sequence[Session], seats: dict[int, Counter]) -> None:
    """What may have changed since the form was shown, read under the counters' lock: a
    session cancelled (or removed), or its slot's seats being allocated from rankings."""
    for session in sessions:
        row = seats.get(session.pk)
        if row is None or row.cancelled or row.allocating:
            raise SessionUnavailable(session)


def _is_foreign_key_violation(error: IntegrityError) -> bool:
    """PostgreSQL's SQLSTATE 23503, or SQLite's message."""
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) == "23503" or "FOREIGN KEY" in str(error)


def _notify_promoted(promoted: list[Choice]) -> None:
    for choice in promoted:
        _audit(choice.registration, SYSTEM, AuditAction.PROMOTED, {"session": choice.session_id})
        emails.send_promotion(choice.pk)
        push.notify_promotion(choice)


def _audit(
    registration: Registration, actor: Actor, action: AuditAction, details: dict[str, Any]
) -> None:
    AuditEntry.record(
        edition_id=registration.edition_id,
        registration_id=registration.pk,
        actor=actor,
        action=action,
        details=details,
    )


def fill_waiting_lists(*, sessions: Sequence[Session], actor: Actor) -> int:
    """After an organiser adds seats: the first in line get them at once. Returns how many."""
    with transaction.atomic(durable=True):
        return fill_waiting_lists_in_transaction(sessions=sessions, actor=actor)


def fill_waiting_lists_in_transaction(*, sessions: Sequence[Session], actor: Actor) -> int:
    """`fill_waiting_lists` as a step that runs inside the caller's transaction (the admin's
    session page saves the new capacity and fills the seats in one)."""
    require_callers_transaction()
    seats = lock_seats(session.pk for session in sessions)
    promoted = fill_from_waiting_lists(seats, timezone.now())
    _notify_promoted(promoted)
    return len(promoted)
