"""Reads shared by the registration pages, e-mails and services: among them what the
registration form offers and checks (categories, sessions, days, the dinner's seat), read at
most a second ago at 10.00 (`forsamling.core.recent`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import connection
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition
from forsamling.core.recent import recent
from forsamling.domain import invoicing as invoicing_rules
from forsamling.domain import registration_rules
from forsamling.domain.danish import COPENHAGEN, surname_sort_key
from forsamling.domain.preference_rounds import ALLOCATING
from forsamling.domain.programme import programme_from_snapshot
from forsamling.domain.registration_rules import TimeRange
from forsamling.programme.models import Item, ItemKind, Session, SessionKind, Track
from forsamling.programme.queries import current_version
from forsamling.registration.models import (
    Category,
    Choice,
    ChoiceStatus,
    GroupBooking,
    PrivacyNotice,
    Purpose,
    Registration,
    SessionSeats,
    Status,
)
from forsamling.registration.seats import (
    PLACE_IN_LINE,
    PLACE_IN_LINE_PARAMS,
    places_in_line,
)


def registration_closes_at(edition: Edition) -> datetime:
    """When registration closes: the set moment, or else when the conference begins."""
    if edition.registration_closes_at is not None:
        return edition.registration_closes_at
    return datetime.combine(edition.start_date, time(0, 0), tzinfo=COPENHAGEN)


def slot_time_range(slot: Item) -> TimeRange | None:
    """A breakout slot's start and end as aware datetimes, if its day and times are known:
    as published, if `breakout_slots` read it (an unpublished edit changes nothing for the
    participants), else as in the draft."""
    day = getattr(slot, "published_date", None)
    if day is None and slot.day_id is not None:
        day = slot.day.date  # type: ignore[union-attr]
    if day is None or slot.starts_at is None or slot.ends_at is None:
        return None
    return TimeRange(
        datetime.combine(day, slot.starts_at, tzinfo=COPENHAGEN),
        datetime.combine(day, slot.ends_at, tzinfo=COPENHAGEN),
    )


def edition_days(edition: Edition) -> list[date]:
    return [
        edition.start_date + timedelta(days=n)
        for n in range((edition.end_date - edition.start_date).days + 1)
    ]


def attendance_days(edition: Edition) -> list[date]:
    """The days a participant chooses among, or none when they come for the whole edition."""
    days = edition_days(edition)
    return days if edition.day_attendance and len(days) > 1 else []


def dinner_session(edition_id: int) -> Session | None:
    """The edition's dinner with limited seats, or None (then anyone may come; see
    `registration.dinner`)."""
    return (
        Session.objects.filter(slot__edition_id=edition_id, kind=SessionKind.DINNER)
        .select_related("slot")
        .order_by("id")
        .first()
    )


def dinner_to_take(edition: Edition, wants_dinner: bool) -> list[Session]:
    """The dinner to take a seat at with a new registration: [] without a limit or a yes.
    Read at most a second ago (`core.recent`), as the rush's other reads: its counter is then
    locked with the chosen sessions' (`register_participant`), and what decides the seat (the
    capacity, a cancellation) is read again under that lock."""
    if not wants_dinner:
        return []
    session = recent(("dinner-session", edition.pk), lambda: dinner_session(edition.pk))
    return [session] if session is not None and not session.is_cancelled else []


DEFAULT_LIST_CONSENT = _("Mit navn, min stilling og min organisation må stå på deltagerlisten.")
DEFAULT_LEADS_CONSENT = _(
    "Udstillere, hvis standpersonale scanner mit navneskilt, må få mit navn, min stilling, "
    "min organisation og min e-mail."
)
DEFAULT_PHOTO_CONSENT = _(
    "KL må bruge fotos fra konferencen, hvor jeg kan genkendes, i omtale af konferencen."
)


@dataclass(frozen=True)
class Wording:
    """The consent wordings in force for an edition; version 0 is the built-in default."""

    version: int
    participant_list: str
    photos: str

    def of(self, purpose: str) -> str:
        if purpose == Purpose.EXHIBITOR_LEADS:
            # Not (yet) a wording the organisers edit: the built-in one, in the notice's version.
            return str(DEFAULT_LEADS_CONSENT)
        return self.participant_list if purpose == Purpose.PARTICIPANT_LIST else self.photos


def current_wording(edition: Edition) -> Wording:
    """The consent wordings of the latest published privacy notice, which a consent record
    carries (kept for a second per process, as the form's reads)."""

    def read() -> Wording:
        notice = (
            PrivacyNotice.objects.filter(edition=edition)
            .order_by("-version")
            .values_list("version", "list_consent_text", "photo_consent_text")
            .first()
        )
        if notice is None:
            return Wording(0, str(DEFAULT_LIST_CONSENT), str(DEFAULT_PHOTO_CONSENT))
        return Wording(*notice)

    return recent(("privacy-wording", edition.pk), read)


@dataclass
class SessionOffer:
    session: Session
    taken: int  # 0 where the seats were not read (a posted form: the service counts them)

    @property
    def seats_left(self) -> int | None:
        return registration_rules.seats_left(self.session.capacity, self.taken)

    @property
    def is_full(self) -> bool:
        return registration_rules.is_full(self.session.capacity, self.taken)


@dataclass
class SlotOffer:
    slot: Item
    sessions: list[SessionOffer]


def breakout_slots(edition: Edition, *, with_seats: bool = True) -> list[SlotOffer]:
    """The edition's breakout slots with their sessions (not cancelled) and seats left.

    Slots a preference round is still to allocate are left out (forsamling.preferences).
    Their day and times are the published programme's, where it has them.
    Four queries whatever the number of slots and sessions; three without the seats left (a
    form being posted needs none: the service counts under lock). Each session carries its
    slot and day, so checking the choices reads nothing more.
    """
    slots = list(
        Item.objects.filter(edition=edition, kind=ItemKind.BREAKOUT)
        .exclude(preference_rounds__status__in=ALLOCATING)
        .select_related("day")
        .order_by("day__date", "starts_at", "order", "id")
    )
    sessions = Session.objects.filter(slot__in=slots, is_cancelled=False).order_by(
        "order", "number", "id"
    )
    taken = (
        dict(
            SessionSeats.objects.filter(session__slot__in=slots).values_list("session_id", "taken")
        )
        if with_seats
        else {}
    )
    published = published_breakout_times(edition)
    for slot in slots:  # shown and checked as published: a draft edit is not yet the programme
        if (times := published.get(str(slot.uid))) is not None:
            slot.published_date, slot.starts_at, slot.ends_at = times  # type: ignore[attr-defined]
    by_slot: dict[int, list[SessionOffer]] = {slot.pk: [] for slot in slots}
    slot_by_id = {slot.pk: slot for slot in slots}
    for session in sessions:
        session.slot = slot_by_id[session.slot_id]
        by_slot[session.slot_id].append(SessionOffer(session, taken.get(session.pk, 0)))
    return [SlotOffer(slot, by_slot[slot.pk]) for slot in slots if by_slot[slot.pk]]


def published_breakout_times(edition: Edition) -> dict[str, tuple[date, time, time]]:
    """The day, start and end of each breakout (by uid) in the published programme, if any."""
    version = current_version(edition)
    if version is None:
        return {}
    times = {}
    for day in version.snapshot.get("days", []):
        pending = list(day.get("items", []))
        while pending:
            item = pending.pop()
            pending.extend(item.get("children", []))
            if item.get("kind") == ItemKind.BREAKOUT and item.get("start") and item.get("end"):
                times[item["uid"]] = (
                    date.fromisoformat(day["date"]),
                    time.fromisoformat(item["start"]),
                    time.fromisoformat(item["end"]),
                )
    return times


def registration_choices(
    edition: Edition,
) -> tuple[list[Category], list[SlotOffer], list[Track]]:
    """The categories and breakout sessions the registration form offers, without seats left,
    read at most a second ago (`forsamling.core.recent`): what a posted form is checked
    against at 10.00 without a query.
    With them the edition's parallel tracks, if any. The service reads what decides a seat
    again under lock."""
    return recent(
        ("registration-choices", edition.pk),
        lambda: (
            list(edition.categories.all()),
            breakout_slots(edition, with_seats=False),
            list(edition.tracks.all()),
        ),
    )


@dataclass
class ProgrammeLine:
    choice: Choice
    waiting_position: int | None

    @property
    def is_confirmed(self) -> bool:
        return self.choice.status == ChoiceStatus.CONFIRMED


def personal_programme(registration: Registration) -> list[ProgrammeLine]:
    """The participant's choices in programme order, with their place in line if waiting."""
    choices = list(
        registration.choices.select_related("session", "slot", "slot__day").order_by(
            "slot__day__date", "slot__starts_at", "slot__order", "slot_id"
        )
    )
    places = places_in_line(choices)
    return [ProgrammeLine(choice, places.get(choice.pk)) for choice in choices]


def confirmation(edition: Edition, token: str) -> tuple[Registration, list[ProgrammeLine]] | None:
    """The confirmation page's registration (id, token, e-mail, status, organisation, EAN and
    category; the rest is read if asked for) and its programme, in one hand-written query: the
    page follows every registration at 10.00. The sessions and slots come from
    `registration_choices`; if a choice is not among them (cancelled, or its slot taken into a
    preference round), `personal_programme` reads the programme instead."""
    quote = connection.ops.quote_name
    sql = (
        "SELECT r.id, r.email, r.status, r.organisation, r.ean, r.category_id,"
        f" c.id, c.session_id, c.slot_id, c.status, {PLACE_IN_LINE}"
        f" FROM {quote(Registration._meta.db_table)} r"
        f" LEFT JOIN {quote(Choice._meta.db_table)} c ON c.registration_id = r.id"
        " WHERE r.edition_id = %s AND r.token = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*PLACE_IN_LINE_PARAMS, edition.pk, token])
        rows = cursor.fetchall()
    if not rows:
        return None
    read = dict(
        zip(("id", "email", "status", "organisation", "ean", "category_id"), rows[0], strict=False),
        edition_id=edition.pk,
        token=token,
    )
    fields = [f.attname for f in Registration._meta.concrete_fields if f.attname in read]
    registration = Registration.from_db(  # values in the model's field order
        connection.alias, fields, [read[name] for name in fields]
    )
    registration.edition = edition
    categories, offers, _tracks = registration_choices(edition)
    for category in categories:  # a category made within the second is read if asked for
        if category.pk == registration.category_id:
            registration.category = category
    sessions = {item.session.pk: item.session for offer in offers for item in offer.sessions}
    slots = {offer.slot.pk: offer.slot for offer in offers}
    order = {slot_id: index for index, slot_id in enumerate(slots)}
    lines = []
    for *_registration, choice_id, session_id, slot_id, status, place in rows:
        if choice_id is None:
            continue
        if session_id not in sessions or slot_id not in slots:
            return registration, personal_programme(registration)
        session = sessions[session_id]
        choice = Choice.from_db(  # values in the model's field order
            connection.alias,
            ["id", "registration_id", "slot_id", "session_id", "status"],
            [choice_id, registration.pk, slot_id, session_id, status],
        )
        choice.session, choice.slot = session, slots[slot_id]  # the slot chosen in
        lines.append(ProgrammeLine(choice, place))
    lines.sort(key=lambda line: order[line.choice.slot_id])
    return registration, lines


def registration_by_key(edition: Edition, idempotency_key: str) -> Registration | None:
    """The registration a form with this idempotency key made, if any (a retry's answer)."""
    return Registration.objects.filter(edition=edition, idempotency_key=idempotency_key).first()


def registration_by_token(edition: Edition, token: str) -> Registration | None:
    return (
        Registration.objects.select_related("edition", "category", "group")
        .filter(edition=edition, token=token)
        .first()
    )


@dataclass
class GroupOverview:
    registrations: list[Registration]
    total: Decimal  # without VAT, as the prices are

    @property
    def total_with_vat(self) -> Decimal:
        """The total the invoice asks for: 25 % moms added as the invoice adds it."""
        return invoicing_rules.totals_of_prices([self.total]).with_vat


def group_overview(group: GroupBooking) -> GroupOverview:
    """The group's participants and what the organisation will be invoiced: the price of each
    active registration and the fee of each cancelled one."""
    registrations = list(
        group.registrations.select_related("category").order_by("created_at", "id")
    )
    total = sum(
        (
            r.category.price if r.is_active else (r.cancellation_fee or Decimal("0"))
            for r in registrations
        ),
        Decimal("0"),
    )
    return GroupOverview(registrations, total)


def registration_by_link(edition_slug: str, token: str) -> Registration | None:
    """The registration a private link opens, with its edition, category and group, in one
    query (the private page and its forms)."""
    return (
        Registration.objects.select_related("edition", "category", "group", "track")
        .filter(edition__slug=edition_slug, edition__is_public=True, token=token)
        .first()
    )


@dataclass
class AgendaLine:
    """One line of a participant's day: a plenary item, or a session they chose."""

    start: time | None
    end: time | None
    title: str
    room: str = ""
    chosen: ProgrammeLine | None = None


@dataclass
class AgendaDay:
    date: date
    title: str
    lines: list[AgendaLine]


def personal_agenda(
    registration: Registration, lines: list[ProgrammeLine]
) -> tuple[list[AgendaDay], list[ProgrammeLine]]:
    """The participant's programme day by day from the published programme: the items for
    everyone and, of each breakout, the session they chose, with time and room. Returns the
    days and the chosen sessions the published programme does not show (yet)."""
    version = current_version(registration.edition)
    if version is None:
        return [], lines
    programme = programme_from_snapshot(version.snapshot)
    track = registration.track
    chosen = {str(line.choice.session.uid): line for line in lines}
    placed: set[str] = set()
    days = []
    for day in programme.days:
        agenda = []
        for item in day.items:
            if track is not None and item.track is not None and item.track.key != track.key:
                continue  # the other half of the hall
            if item.kind != ItemKind.BREAKOUT:
                where = item.room.name if item.room else ""
                agenda.append(AgendaLine(item.start, item.end, item.title, where))
                continue
            for session in item.sessions:
                if session.uid in chosen:
                    placed.add(session.uid)
                    room = session.room or item.room
                    agenda.append(  # the session's room, else the breakout's
                        AgendaLine(
                            item.start,
                            item.end,
                            session.label,
                            room.name if room else "",
                            chosen[session.uid],
                        )
                    )
        days.append(AgendaDay(day.date, day.title, agenda))
    return days, [line for uid, line in chosen.items() if uid not in placed]


def consenting_participants(edition: Edition) -> list[Registration]:
    """The published participant list: active participants who said yes, by surname the
    Danish way, as the back office's lists."""
    rows = Registration.objects.filter(edition=edition, list_consent=True, status=Status.ACTIVE)
    return sorted(rows, key=lambda r: (surname_sort_key(r.name), r.pk))
