"""The rules of a preference round, around the allocation in `allocation.py`.

A round moves draft -> open -> closed -> previewed -> published. While it is open,
participants rank the sessions of its breakout slots; once closed, the allocation is run
(and may be re-run with a new seed) until an organiser publishes it. After publishing
nothing about the round can change: the published seed, input and result are the record.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

DRAFT = "draft"
OPEN = "open"
CLOSED = "closed"
PREVIEWED = "previewed"
PUBLISHED = "published"
# Until a round is published, its slots' seats are the round's: not first come, first served.
ALLOCATING = (DRAFT, OPEN, CLOSED, PREVIEWED)

# action -> the statuses it may start from
_ALLOWED_FROM: dict[str, frozenset[str]] = {
    "open": frozenset({DRAFT}),
    "close": frozenset({OPEN}),
    "run": frozenset({CLOSED}),
    "rerun": frozenset({PREVIEWED}),
    "publish": frozenset({PREVIEWED}),
}


class PreferenceRoundError(Exception):
    """Base class of the round's own errors; the pages turn them into Danish messages."""


class WrongRoundStatus(PreferenceRoundError):
    def __init__(self, action: str, status: str) -> None:
        super().__init__(f"Cannot {action} a round that is {status}")
        self.action, self.status = action, status


class AlreadyPublished(WrongRoundStatus):
    """A published allocation is final: no re-run with a new seed, no second publishing."""


class RankingClosed(PreferenceRoundError):
    """The round is not taking rankings now."""


class InvalidRanking(PreferenceRoundError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_transition(action: str, status: str) -> None:
    if status in _ALLOWED_FROM[action]:
        return
    if status == PUBLISHED:
        raise AlreadyPublished(action, status)
    raise WrongRoundStatus(action, status)


def new_seed() -> str:
    """128 random bits as a decimal string: too many to guess from the published hash."""
    return str(secrets.randbits(128))


def is_ranking_open(status: str, now: datetime, opens_at: datetime, closes_at: datetime) -> bool:
    return status == OPEN and opens_at <= now < closes_at


def check_ranking_open(status: str, now: datetime, opens_at: datetime, closes_at: datetime) -> None:
    if not is_ranking_open(status, now, opens_at, closes_at):
        raise RankingClosed()


def clean_ranking(
    ranked: Sequence[str], offered: Iterable[str], eligible: Iterable[str]
) -> list[str]:
    """The ranking as stored: every entry a session of the slot the participant may attend,
    none twice. Refuses rather than repairs, so the participant sees what was wrong."""
    offered_set, eligible_set = set(offered), set(eligible)
    seen: set[str] = set()
    for session_id in ranked:
        if session_id not in offered_set:
            raise InvalidRanking("unknown session")
        if session_id not in eligible_set:
            raise InvalidRanking("not eligible")
        if session_id in seen:
            raise InvalidRanking("duplicate")
        seen.add(session_id)
    return list(ranked)


def pseudonym(key: str, registration_id: int) -> str:
    """A participant's id in the published input: stable, and not traceable without the key."""
    digest = hmac.new(key.encode(), str(registration_id).encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class SessionFill:
    session_id: str
    capacity: int
    seated: int
    first_choices: int  # participants who ranked it first

    @property
    def percent(self) -> int:
        return round(100 * self.seated / self.capacity) if self.capacity else 100


@dataclass(frozen=True)
class SlotPreview:
    slot_id: str
    requested: int
    seated: int
    unseated: int
    by_rank: dict[int, int]  # rank -> seats given at that rank
    sessions: list[SessionFill]


def preview(instance: Mapping[str, Any], result: Mapping[str, Any]) -> list[SlotPreview]:
    """Who got their 1st, 2nd, 3rd… choice and how full each session is, from the JSON files.

    Ranks are the positions in the participant's ranking as stored; the stored rankings hold
    only eligible sessions, so they equal the allocation's effective ranks.
    """
    assignments: Mapping[str, Mapping[str, str | None]] = result["assignments"]
    slots = []
    for slot in instance["slots"]:
        slot_id = str(slot["id"])
        by_rank: Counter[int] = Counter()
        seated: Counter[str] = Counter()
        first: Counter[str] = Counter()
        requested = 0
        for participant in instance["participants"]:
            ranking = [str(x) for x in (participant.get("rankings") or {}).get(slot_id, [])]
            if not ranking:
                continue
            requested += 1
            first[ranking[0]] += 1
            got = assignments.get(str(participant["id"]), {}).get(slot_id)
            if got is not None:
                seated[got] += 1
                by_rank[ranking.index(got) + 1] += 1
        sessions = [
            SessionFill(str(s["id"]), int(s["capacity"]), seated[str(s["id"])], first[str(s["id"])])
            for s in slot["sessions"]
        ]
        total = sum(seated.values())
        slots.append(
            SlotPreview(slot_id, requested, total, requested - total, dict(by_rank), sessions)
        )
    return slots
