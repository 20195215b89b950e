"""Reads for preference rounds: the allocation's input built from the database, and the
slots and rankings the participant pages show."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from forsamling.conferences.models import Edition
from forsamling.core.recent import recent
from forsamling.domain.preference_rounds import pseudonym
from forsamling.domain.registration_rules import Attendee, may_attend, room_to_allocate
from forsamling.preferences.models import PreferenceRound, Ranking, RoundStatus
from forsamling.programme.models import Item, Session
from forsamling.registration.models import (
    Category,
    Choice,
    Registration,
    SessionSeats,
    Status,
)


def public_rounds(edition: Edition) -> list[PreferenceRound]:
    """Rounds the public may know of: every round past its draft, commitment and all."""
    return list(
        edition.preference_rounds.exclude(status=RoundStatus.DRAFT)
        .prefetch_related("slots")
        .order_by("opens_at", "id")
    )


def slot_audiences(edition: Edition) -> dict[int, list[str]]:
    """The audiences of the edition's sessions (not cancelled), by slot; read at most a second
    ago (`core.recent`): the confirmation page asks after every registration."""

    def read() -> dict[int, list[str]]:
        by_slot: dict[int, list[str]] = defaultdict(list)
        for slot_id, audience in Session.objects.filter(
            slot__edition=edition, is_cancelled=False
        ).values_list("slot_id", "audience"):
            by_slot[slot_id].append(audience)
        return dict(by_slot)

    return recent(("slot-audiences", edition.pk), read)


def nothing_to_rank(
    edition: Edition,
    rounds: list[PreferenceRound],
    attendee: Attendee,
    held: set[int],
) -> set[int]:
    """The open rounds in which a participant has nothing to rank: every slot's sessions are for
    other categories, or they hold a seat (or a place in line) there already (`held`: slot ids).
    The same answer as `ranking_slots` gives, from what the page has read already."""
    audiences = slot_audiences(edition)
    return {
        round.pk
        for round in rounds
        if not round.is_published
        and not any(
            slot.pk not in held
            and any(may_attend(attendee, audience) for audience in audiences.get(slot.pk, []))
            for slot in round.slots.all()
        )
    }


@dataclass
class RankingSlot:
    """A slot of an open round as one participant sees it: what they may rank, and have."""

    slot: Item
    sessions: list[Session]
    ranked: list[int] = field(default_factory=list)  # session ids, first choice first
    held: Choice | None = None  # a seat or place in line from before the round


def ranking_slots(round: PreferenceRound, registration: Registration) -> list[RankingSlot]:
    """The round's slots with the sessions the participant's category may attend."""
    attendee = registration.category.attendee
    slots = list(round.slots.select_related("day").order_by("day__date", "starts_at", "order"))
    sessions = Session.objects.filter(slot__in=slots, is_cancelled=False).order_by(
        "order", "number", "id"
    )
    by_slot: dict[int, list[Session]] = defaultdict(list)
    for session in sessions:
        if may_attend(attendee, session.audience):
            by_slot[session.slot_id].append(session)
    ranked: dict[int, list[int]] = defaultdict(list)
    for slot_id, session_id in (
        Ranking.objects.filter(round=round, registration=registration)
        .order_by("slot_id", "rank")
        .values_list("slot_id", "session_id")
    ):
        ranked[slot_id].append(session_id)
    held = {
        c.slot_id: c for c in registration.choices.filter(slot__in=slots).select_related("session")
    }
    return [
        RankingSlot(slot, by_slot[slot.pk], ranked[slot.pk], held.get(slot.pk))
        for slot in slots
        if by_slot[slot.pk]
    ]


@dataclass(frozen=True)
class BuiltInstance:
    data: dict[str, Any]  # the input JSON of docs/allocation.md, as published
    pseudonyms: dict[str, int]  # pseudonym -> registration id, never published


def build_instance(round: PreferenceRound, seed: str) -> BuiltInstance:
    """The allocation's input from the database, with participants under pseudonyms.

    Capacities are the seats still free (someone may hold a seat from before the round);
    a session without a limit gets a seat for everyone who ranked. A participant who
    already holds a seat or a waiting-list place in a slot is left out of that slot.
    Seven queries whatever the size.
    """
    slots = list(round.slots.order_by("id"))
    sessions = list(Session.objects.filter(slot__in=slots, is_cancelled=False).order_by("id"))
    taken = dict(
        SessionSeats.objects.filter(session__in=sessions).values_list("session_id", "taken")
    )
    categories = list(Category.objects.filter(edition=round.edition_id).order_by("key"))
    # Single-table reads joined in Python: the planner cannot pick a bad join for a table
    # that filled up minutes ago (as rankings do when a round closes) before it is analysed.
    category_of = dict(
        Registration.objects.filter(edition=round.edition_id, status=Status.ACTIVE).values_list(
            "pk", "category__key"
        )
    )
    held = set(Choice.objects.filter(slot__in=slots).values_list("registration_id", "slot_id"))
    rankings: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    session_ids = {s.pk for s in sessions}
    for registration_id, slot_id, session_id in (
        Ranking.objects.filter(round=round)
        .order_by("registration_id", "slot_id", "rank")
        .values_list("registration_id", "slot_id", "session_id")
    ):
        if (
            registration_id in category_of
            and session_id in session_ids
            and (registration_id, slot_id) not in held
        ):
            rankings[registration_id][slot_id].append(str(session_id))
    wanting: dict[int, int] = defaultdict(int)
    for per_slot in rankings.values():
        for slot_id in per_slot:
            wanting[slot_id] += 1

    def capacity(session: Session) -> int:
        return room_to_allocate(
            session.capacity, taken.get(session.pk, 0), wanting=wanting[session.slot_id]
        )

    def eligible(session: Session) -> list[str] | None:
        if session.audience == "everyone":
            return None
        return [c.key for c in categories if may_attend(c.attendee, session.audience)]

    pseudonyms = {pseudonym(round.pseudonym_key, pk): pk for pk in rankings}
    participants = [
        {
            "id": pid,
            "category": category_of[pk],
            "rankings": {str(slot_id): ids for slot_id, ids in sorted(rankings[pk].items())},
        }
        for pid, pk in sorted(pseudonyms.items())
    ]
    data = {
        "seed": seed,
        "slots": [
            {
                "id": str(slot.pk),
                "sessions": [
                    {"id": str(s.pk), "capacity": capacity(s), "eligible": eligible(s)}
                    for s in sessions
                    if s.slot_id == slot.pk
                ],
            }
            for slot in slots
        ],
        "participants": participants,
    }
    return BuiltInstance(data, pseudonyms)


def assigned_sessions(round: PreferenceRound, registration: Registration) -> dict[int, int | None]:
    """slot id -> session id the published (or previewed) result gives the participant."""
    if round.result is None:
        return {}
    pid = pseudonym(round.pseudonym_key, registration.pk)
    row = round.result["assignments"].get(pid, {})
    return {int(slot): (None if s is None else int(s)) for slot, s in row.items()}
