"""Preference-round allocation: who gets which parallel session in each breakout slot.

Participants rank the sessions of each breakout slot; once the round closes, every slot is
solved on its own as an exact min-cost flow with OR-Tools. The objective, in this order:

1. seat as many participants as possible;
2. minimise the sum of rank² over the seated (effective first choice = rank 1);
3. break the remaining ties by a lottery drawn afresh for every slot from the seed.

The lottery is published in advance as ``seed_commitment(seed)`` and is recomputable by
anyone: a participant's ticket in a slot is ``sha256(f"{seed}:{slot_id}:{participant_id}")``
and the lowest ticket is the luckiest. See docs/allocation.md for the JSON formats.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
from ortools.graph.python import min_cost_flow

# OR-Tools multiplies every cost by (nodes + 1) and node potentials grow with path length;
# planning the lottery's cost range within this margin of 2**63 keeps BAD_COST_RANGE rare.
_COST_HEADROOM = 2**62


@dataclass(frozen=True)
class Session:
    id: str
    capacity: int
    eligible: frozenset[str] | None = None  # None: every category may attend


@dataclass(frozen=True)
class Slot:
    id: str
    sessions: Sequence[Session]


@dataclass(frozen=True)
class Participant:
    id: str
    category: str | None
    rankings: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Instance:
    seed: int | str
    slots: Sequence[Slot]
    participants: Sequence[Participant]


@dataclass(frozen=True)
class Result:
    assignments: dict[str, dict[str, str | None]]
    stats: dict[str, Any]


def canonical_seed(seed: int | str) -> str:
    if isinstance(seed, bool) or not isinstance(seed, int | str):
        raise ValueError(f"seed must be an integer or a string, not {seed!r}")
    return str(seed)


def seed_commitment(seed: int | str) -> str:
    """sha256 hex of the canonical seed string, to publish before the round closes."""
    return hashlib.sha256(canonical_seed(seed).encode()).hexdigest()


def lottery_order(seed: int | str, slot_id: str, participant_ids: Iterable[str]) -> list[str]:
    """The slot's draw, luckiest first; independent of input order so anyone can redo it."""
    prefix, sha256 = f"{canonical_seed(seed)}:{slot_id}:", hashlib.sha256
    tickets = sorted([(sha256((prefix + pid).encode()).digest(), pid) for pid in participant_ids])
    return [pid for _, pid in tickets]


def _validate(instance: Instance) -> None:
    canonical_seed(instance.seed)
    for kind, ids in (
        ("slot", [s.id for s in instance.slots]),
        ("participant", [p.id for p in instance.participants]),
        *((f"session in slot {s.id!r}", [x.id for x in s.sessions]) for s in instance.slots),
    ):
        dupes = sorted(k for k, c in Counter(ids).items() if c > 1)
        if dupes:
            raise ValueError(f"duplicate {kind} id(s): {', '.join(map(repr, dupes))}")
    for slot in instance.slots:
        for s in slot.sessions:
            if isinstance(s.capacity, bool) or not isinstance(s.capacity, int) or s.capacity < 0:
                raise ValueError(f"session {s.id!r}: capacity must be an integer >= 0")


def _effective_rankings(slot: Slot, participants: Sequence[Participant]) -> dict[str, list[int]]:
    """Per participant with any usable choice: session indices in order; rank = position + 1.

    Unknown, ineligible and repeated entries are dropped rather than left as gaps, so a
    stale or mistaken entry never makes a participant's real first choice count as a second.
    """
    sessions = sorted(slot.sessions, key=lambda s: s.id)
    allowed: dict[str | None, dict[str, int]] = {}
    out: dict[str, list[int]] = {}
    for p in participants:
        ranking = p.rankings.get(slot.id)
        if not ranking:
            continue
        index = allowed.get(p.category)
        if index is None:
            index = allowed[p.category] = {
                s.id: j
                for j, s in enumerate(sessions)
                if s.eligible is None or (p.category is not None and p.category in s.eligible)
            }
        choices = [j for j in map(index.get, dict.fromkeys(ranking)) if j is not None]
        if choices:
            out[p.id] = choices
    return out


def _solve_slot(
    seed: int | str, slot: Slot, participants: Sequence[Participant]
) -> tuple[dict[str, tuple[str, int]], int]:
    """Return {participant id: (session id, rank)} for the seated, and the lottery levels used.

    Graph: source -> participant (cap 1) -> session (cap 1, one arc per effective ranking
    entry) -> sink (cap = capacity). ``solve_max_flow_with_min_cost`` first computes the
    maximum flow F* and then the cheapest flow of value exactly F*, so objective 1 (seated
    count) is exact whatever the costs are. Each participant->session arc at rank r with
    lottery level b in 0..L-1 (0 = luckiest) costs ``M*r² + t`` where

        t = b*R + (L-1-b)*(r-1),  R = the slot's largest rank,  0 <= t <= T = (L-1)*(2R-1),
        M = n*T + 1,  n = participants with at least one arc.

    Why the lottery can never override the rank cost: any flow of value F* <= n has total
    cost M*Q + S with Q its rank² sum and 0 <= S <= n*T < M. If flows F, G have Q(F) < Q(G)
    then Q(G) >= Q(F) + 1, so cost(G) >= M*Q(F) + M > M*Q(F) + S(F) = cost(F). The minimum
    cost flow therefore minimises Q among maximum flows, and S only orders equal-Q flows.
    All costs are integers, so there is no rounding to go wrong. Among equal-Q flows, t rises
    with b at every rank (by R-(r-1) >= 1 per level), so handing a seat from an unluckier to a
    luckier participant at the same rank lowers S; and t(r+1)-t(r) = L-1-b is largest for the
    luckiest, so swapping ranks between two participants gives the better rank to the luckier.
    """
    sessions = sorted(slot.sessions, key=lambda s: s.id)
    per_participant = _effective_rankings(slot, participants)
    n, m = len(per_participant), len(sessions)
    if n == 0:
        return {}, 0
    # Participant nodes go in lottery order and sessions in id order: the input file's order
    # then cannot matter, and should the solver meet exactly equal costs (coarse lottery
    # levels), its own choice follows the draw too instead of favouring low ids.
    pids = lottery_order(seed, slot.id, per_participant)
    choices = [per_participant[pid] for pid in pids]
    lengths = np.fromiter(map(len, choices), np.int64, count=n)
    part = np.repeat(np.arange(n, dtype=np.int64), lengths)
    sess = np.fromiter(chain.from_iterable(choices), np.int64, count=len(part))
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    rank = np.arange(len(part), dtype=np.int64) - starts + 1
    max_rank = int(lengths.max())
    source, sink = 0, n + m + 1
    tails = np.concatenate([np.zeros(n, np.int64), 1 + part, n + 1 + np.arange(m)])
    heads = np.concatenate([1 + np.arange(n), n + 1 + sess, np.full(m, sink)])
    caps = np.concatenate(
        [np.ones(n + len(part), np.int64), np.array([s.capacity for s in sessions], np.int64)]
    )
    levels = n
    while True:
        spread = (levels - 1) * (2 * max_rank - 1)
        big = n * spread + 1
        max_cost = big * max_rank**2 + spread
        # Fewer lottery levels shrink the costs; ranks stay exact, ties get coarser. The
        # bound is a cheap guess; BAD_COST_RANGE below is the solver's own overflow check.
        if levels > 1 and max_cost * (n + m + 3) * 2 * (m + 2) > _COST_HEADROOM:
            levels = max(1, levels // 2)
            continue
        bucket = part * levels // n
        tie = bucket * max_rank + (levels - 1 - bucket) * (rank - 1)
        costs = np.concatenate([np.zeros(n, np.int64), big * rank**2 + tie, np.zeros(m, np.int64)])
        flow = min_cost_flow.SimpleMinCostFlow()
        arcs = flow.add_arcs_with_capacity_and_unit_cost(
            tails.astype(np.int32), heads.astype(np.int32), caps, costs
        )
        flow.set_nodes_supplies(np.array([source, sink], np.int32), np.array([n, -n], np.int64))
        status = flow.solve_max_flow_with_min_cost()
        if status == flow.OPTIMAL:
            break
        if status != flow.BAD_COST_RANGE or levels == 1:
            raise RuntimeError(f"min-cost flow for slot {slot.id!r} failed: {status}")
        levels = max(1, levels // 2)
    used = flow.flows(np.asarray(arcs, np.int32)[n : n + len(part)]) > 0
    seated = {
        pids[i]: (sessions[j].id, r)
        for i, j, r in zip(
            part[used].tolist(), sess[used].tolist(), rank[used].tolist(), strict=True
        )
    }
    return seated, levels


def allocate(instance: Instance) -> Result:
    """Compute the exact, reproducible allocation for a closed preference round."""
    _validate(instance)
    participants = sorted(instance.participants, key=lambda p: p.id)
    slots = sorted(instance.slots, key=lambda s: s.id)
    assignments: dict[str, dict[str, str | None]] = {
        p.id: dict.fromkeys([slot.id for slot in slots]) for p in participants
    }
    histogram: Counter[int] = Counter()
    per_slot: dict[str, dict[str, Any]] = {}
    for slot in slots:
        seated, levels = _solve_slot(instance.seed, slot, participants)
        for pid, (sid, _) in seated.items():
            assignments[pid][slot.id] = sid
        ranks = Counter(r for _, r in seated.values())
        histogram.update(ranks)
        requested = sum(1 for p in participants if p.rankings.get(slot.id))
        per_slot[slot.id] = {
            "capacity": sum(s.capacity for s in slot.sessions),
            "lottery_levels": levels,
            "rank_cost": sum(r * r * c for r, c in ranks.items()),
            "requested": requested,
            "seated": len(seated),
            "unseated": requested - len(seated),
        }
    stats: dict[str, Any] = {
        "per_slot": per_slot,
        "rank_cost": sum(s["rank_cost"] for s in per_slot.values()),
        "rank_histogram": {str(r): histogram[r] for r in sorted(histogram)},
        "seated": sum(s["seated"] for s in per_slot.values()),
        "seed_commitment": seed_commitment(instance.seed),
        "unseated": sum(s["unseated"] for s in per_slot.values()),
    }
    return Result(assignments=assignments, stats=stats)


def _ident(value: Any, what: str) -> str:
    # Database keys arrive as numbers as often as strings; both name the same thing.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"{what} must be a string or an integer, not {value!r}")
    return str(value)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, not {value!r}")
    return value


def instance_from_json(data: dict[str, Any]) -> Instance:
    """Parse the input format of docs/allocation.md, raising ValueError when it is malformed."""
    try:
        slots = tuple(
            Slot(
                id=_ident(slot["id"], "slot id"),
                sessions=tuple(
                    Session(
                        id=_ident(s["id"], "session id"),
                        capacity=s["capacity"],
                        eligible=None
                        if s.get("eligible") is None
                        else frozenset(_ident(c, "category") for c in s["eligible"]),
                    )
                    for s in slot["sessions"]
                ),
            )
            for slot in data["slots"]
        )
        participants = tuple(
            Participant(
                id=_ident(p["id"], "participant id"),
                category=None if p.get("category") is None else _ident(p["category"], "category"),
                rankings={
                    _ident(k, "slot id"): [_ident(x, "session id") for x in _list(v)]
                    for k, v in (p.get("rankings") or {}).items()
                },
            )
            for p in data["participants"]
        )
        instance = Instance(seed=data["seed"], slots=slots, participants=participants)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"malformed allocation instance: {exc!r}") from exc
    _validate(instance)
    return instance


def result_to_json(result: Result) -> dict[str, Any]:
    """The output format of docs/allocation.md, with every mapping in sorted key order."""

    def ordered(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): ordered(value[k]) for k in sorted(value, key=str)}
        return value

    return {
        "assignments": ordered(result.assignments),
        "stats": ordered(result.stats),
    }
