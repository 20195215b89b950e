"""The preference-round allocation, specified as tests (no database, no Django)."""

from __future__ import annotations

import ast
import hashlib
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from forsamling.domain import allocation
from forsamling.domain.allocation import (
    Instance,
    Participant,
    Session,
    Slot,
    allocate,
    instance_from_json,
    lottery_order,
    result_to_json,
    seed_commitment,
)

CATEGORIES = ["politician", "staff", "press"]
PROPERTY = settings(max_examples=100, deadline=None, derandomize=True, database=None)


# --- Independent reference: effective rankings, HiGHS two-stage optimum, augmenting paths.


def reference_edges(instance: Instance) -> list[tuple[str, str, str, int]]:
    """(slot, participant, session, effective rank) per usable choice, derived from scratch."""
    out = []
    for slot in instance.slots:
        by_id = {s.id: s for s in slot.sessions}
        for p in instance.participants:
            rank, seen = 0, set()
            for sid in p.rankings.get(slot.id, []):
                session = by_id.get(sid)
                if session is None or sid in seen:
                    continue
                seen.add(sid)
                if session.eligible is not None and p.category not in session.eligible:
                    continue
                rank += 1
                out.append((slot.id, p.id, sid, rank))
    return out


def highs_two_stage(instance: Instance) -> tuple[int, int]:
    """(max seated, min rank² sum given max seated) as integer programs solved by HiGHS."""
    edges = reference_edges(instance)
    if not edges:
        return 0, 0
    n = len(edges)
    people = {key: k for k, key in enumerate(dict.fromkeys((e[0], e[1]) for e in edges))}
    rooms = {(slot.id, s.id): s.capacity for slot in instance.slots for s in slot.sessions}
    room_index = {key: k for k, key in enumerate(rooms)}
    a = np.zeros((len(people), n))
    b = np.zeros((len(rooms), n))
    for col, (slot_id, pid, sid, _) in enumerate(edges):
        a[people[slot_id, pid], col] = 1
        b[room_index[slot_id, sid], col] = 1
    limits = [LinearConstraint(a, 0, 1), LinearConstraint(b, 0, np.array(list(rooms.values())))]
    options = {"integrality": np.ones(n), "bounds": Bounds(0, 1)}
    first = milp(-np.ones(n), constraints=limits, **options)
    assert first.success
    seated = round(-first.fun)
    fixed = LinearConstraint(np.ones((1, n)), seated, seated)
    cost = np.array([e[3] ** 2 for e in edges], dtype=float)
    second = milp(cost, constraints=[*limits, fixed], **options)
    assert second.success
    return seated, round(second.fun)


def max_seatable(instance: Instance) -> int:
    """Maximum number of seats by plain augmenting paths, knowing nothing of costs."""
    total = 0
    for slot in instance.slots:
        wants: dict[str, list[str]] = {}
        for slot_id, pid, sid, _ in reference_edges(instance):
            if slot_id == slot.id:
                wants.setdefault(pid, []).append(sid)
        capacity = {s.id: s.capacity for s in slot.sessions}
        holders: dict[str, list[str]] = {s.id: [] for s in slot.sessions}
        total += sum(augment(pid, wants, capacity, holders, set()) for pid in wants)
    return total


def augment(
    pid: str,
    wants: dict[str, list[str]],
    capacity: dict[str, int],
    holders: dict[str, list[str]],
    visited: set[str],
) -> bool:
    """Seat pid, moving others along an alternating path if need be (Kuhn's algorithm)."""
    for sid in wants[pid]:
        if sid in visited:
            continue
        visited.add(sid)
        if len(holders[sid]) < capacity[sid]:
            holders[sid].append(pid)
            return True
        for other in list(holders[sid]):
            if augment(other, wants, capacity, holders, visited):
                holders[sid].remove(other)
                holders[sid].append(pid)
                return True
    return False


def rank_cost(instance: Instance, result: allocation.Result) -> int:
    ranks = {(e[0], e[1], e[2]): e[3] for e in reference_edges(instance)}
    return sum(
        ranks[slot_id, pid, sid] ** 2
        for pid, row in result.assignments.items()
        for slot_id, sid in row.items()
        if sid is not None
    )


# --- Instance generators.


def random_instance(rng: random.Random, max_people: int = 12) -> Instance:
    """A small messy round: zero capacities, restricted rooms, ghosts and repeated entries."""
    slots = []
    for s in range(rng.randint(1, 3)):
        sessions = tuple(
            Session(
                id=f"s{s}-{k}",
                capacity=rng.randint(0, 4),
                eligible=None
                if rng.random() < 0.6
                else frozenset(rng.sample(CATEGORIES, rng.randint(1, 2))),
            )
            for k in range(rng.randint(1, 5))
        )
        slots.append(Slot(id=f"slot-{s}", sessions=sessions))
    people = []
    for i in range(rng.randint(0, max_people)):
        rankings = {}
        for slot in slots:
            if rng.random() < 0.1:
                continue
            ids = [x.id for x in slot.sessions] + ["ghost"]
            choice = rng.sample(ids, rng.randint(0, len(ids)))
            if choice and rng.random() < 0.2:
                choice.insert(rng.randint(0, len(choice)), rng.choice(choice))
            rankings[slot.id] = choice
        people.append(Participant(id=f"p{i}", category=rng.choice(CATEGORIES), rankings=rankings))
    return Instance(seed=rng.randrange(2**32), slots=tuple(slots), participants=tuple(people))


@st.composite
def instances(draw: st.DrawFn) -> Instance:
    slots = []
    for s in range(draw(st.integers(1, 3))):
        sessions = tuple(
            Session(
                id=f"s{s}-{k}",
                capacity=draw(st.integers(0, 3)),
                eligible=draw(st.none() | st.frozensets(st.sampled_from(CATEGORIES), max_size=2)),
            )
            for k in range(draw(st.integers(1, 4)))
        )
        slots.append(Slot(id=f"slot-{s}", sessions=sessions))
    people = []
    for i in range(draw(st.integers(0, 10))):
        rankings = {}
        for slot in slots:
            ids = [x.id for x in slot.sessions] + ["ghost"]
            if draw(st.integers(0, 4)):  # now and then a slot goes unranked
                rankings[slot.id] = draw(st.lists(st.sampled_from(ids), max_size=6))
        category = draw(st.sampled_from([*CATEGORIES, None]))
        people.append(Participant(id=f"p{i}", category=category, rankings=rankings))
    seed = draw(st.integers(0, 2**64) | st.text(max_size=8))
    return Instance(seed=seed, slots=tuple(slots), participants=tuple(people))


def contested(slots: int, people: int, sessions: list[tuple[str, int]], seed: int = 11) -> Instance:
    """Identical participants who all rank the same sessions in the same order, in every slot."""
    slot_list = tuple(
        Slot(id=f"slot-{s:02d}", sessions=tuple(Session(sid, cap) for sid, cap in sessions))
        for s in range(slots)
    )
    ranking = [sid for sid, _ in sessions]
    people_list = tuple(
        Participant(id=f"p{i}", category="staff", rankings={x.id: ranking for x in slot_list})
        for i in range(people)
    )
    return Instance(seed=seed, slots=slot_list, participants=people_list)


def one_slot(sessions: dict[str, int], rankings: dict[str, list[str]], seed: int = 1) -> Instance:
    slot = Slot("slot", tuple(Session(sid, cap) for sid, cap in sessions.items()))
    people = tuple(Participant(pid, "staff", {"slot": r}) for pid, r in rankings.items())
    return Instance(seed=seed, slots=(slot,), participants=people)


# --- Exactness.


def test_allocate_matches_highs_optimum_on_200_random_instances() -> None:
    """On 200 seeded random rounds, seated count and rank² sum equal the HiGHS MILP optimum."""
    rng = random.Random(20260525)
    for _ in range(200):
        instance = random_instance(rng)
        result = allocate(instance)
        expected = highs_two_stage(instance)
        assert (result.stats["seated"], result.stats["rank_cost"]) == expected
        assert rank_cost(instance, result) == result.stats["rank_cost"]


def test_allocate_stays_exact_when_lottery_levels_are_coarsened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When costs would overflow and the lottery is coarsened, seats and ranks stay optimal."""
    monkeypatch.setattr(allocation, "_COST_HEADROOM", 10**6)
    rng = random.Random(7)
    coarsened = 0
    for _ in range(40):
        instance = random_instance(rng, max_people=30)
        result = allocate(instance)
        assert (result.stats["seated"], result.stats["rank_cost"]) == highs_two_stage(instance)
        usable = Counter(
            slot_id for slot_id, _ in {(e[0], e[1]) for e in reference_edges(instance)}
        )
        for slot_id, stats in result.stats["per_slot"].items():
            coarsened += 1 < stats["lottery_levels"] < usable[slot_id]
    assert coarsened > 10


def test_allocate_seats_more_people_before_giving_better_ranks() -> None:
    """Seating one more participant outweighs any rank cost: B takes Y so A can have X."""
    result = allocate(one_slot({"X": 1, "Y": 1}, {"A": ["X"], "B": ["X", "Y"]}))
    assert result.assignments == {"A": {"slot": "X"}, "B": {"slot": "Y"}}


def test_allocate_minimises_squared_not_linear_ranks() -> None:
    """Two second choices (2²+2²=8) beat a first and a third (1²+3²=10), whatever the seed."""
    for seed in range(20):
        instance = one_slot({"W": 0, "X": 1, "Y": 1}, {"A": ["X", "Y"], "B": ["W", "X", "Y"]}, seed)
        assert allocate(instance).assignments == {"A": {"slot": "Y"}, "B": {"slot": "X"}}


def test_allocate_ignores_unknown_ineligible_and_repeated_choices() -> None:
    """Ghost, ineligible and repeated entries are skipped, and ranks close up behind them."""
    slot = Slot("slot", (Session("X", 5), Session("VIP", 5, frozenset({"politician"}))))
    person = Participant("A", "staff", {"slot": ["ghost", "VIP", "ghost", "X", "X"], "nope": ["X"]})
    result = allocate(Instance(seed=3, slots=(slot,), participants=(person,)))
    assert result.assignments == {"A": {"slot": "X"}}
    assert result.stats["rank_histogram"] == {"1": 1}


def test_allocate_lists_every_participant_and_slot_with_null_when_unseated() -> None:
    """Everyone appears under every slot; no ranking or no room means null."""
    slots = (Slot("a", (Session("X", 1),)), Slot("b", (Session("Y", 0),)))
    people = (
        Participant("p1", "staff", {"a": ["X"], "b": ["Y"]}),
        Participant("p2", "staff", {}),
    )
    result = allocate(Instance(seed=1, slots=slots, participants=people))
    assert result.assignments == {"p1": {"a": "X", "b": None}, "p2": {"a": None, "b": None}}
    assert result.stats["unseated"] == 1
    assert result.stats["per_slot"]["b"] == {
        "capacity": 0,
        "lottery_levels": 1,
        "rank_cost": 0,
        "requested": 1,
        "seated": 0,
        "unseated": 1,
    }


# --- Properties that must hold for every round.


@PROPERTY
@given(instances())
def test_allocate_never_exceeds_capacity(instance: Instance) -> None:
    """No session ever gets more participants than its capacity."""
    result = allocate(instance)
    for slot in instance.slots:
        taken = Counter(row[slot.id] for row in result.assignments.values())
        for session in slot.sessions:
            assert taken[session.id] <= session.capacity


@PROPERTY
@given(instances())
def test_allocate_never_seats_ineligible_participants(instance: Instance) -> None:
    """A restricted session only ever receives participants of its eligible categories."""
    result = allocate(instance)
    sessions = {(slot.id, s.id): s for slot in instance.slots for s in slot.sessions}
    for p in instance.participants:
        for slot_id, sid in result.assignments[p.id].items():
            if sid is not None:
                eligible = sessions[slot_id, sid].eligible
                assert eligible is None or p.category in eligible


@PROPERTY
@given(instances())
def test_allocate_only_assigns_sessions_the_participant_ranked(instance: Instance) -> None:
    """Nobody is placed in a session they did not rank for that slot."""
    result = allocate(instance)
    for p in instance.participants:
        for slot_id, sid in result.assignments[p.id].items():
            assert sid is None or sid in p.rankings.get(slot_id, [])


@PROPERTY
@given(instances())
def test_allocate_gives_at_most_one_session_per_slot(instance: Instance) -> None:
    """Each participant has exactly one entry per slot: one session of that slot, or null."""
    result = allocate(instance)
    assert set(result.assignments) == {p.id for p in instance.participants}
    for row in result.assignments.values():
        assert set(row) == {slot.id for slot in instance.slots}
        for slot in instance.slots:
            assert row[slot.id] in {None, *(s.id for s in slot.sessions)}
    per_slot_seated = sum(s["seated"] for s in result.stats["per_slot"].values())
    seated = sum(sid is not None for row in result.assignments.values() for sid in row.values())
    assert seated == per_slot_seated == result.stats["seated"]


@PROPERTY
@given(instances())
def test_allocate_seats_as_many_as_any_assignment_could(instance: Instance) -> None:
    """The seated count equals the maximum matching, so nobody is left out needlessly."""
    result = allocate(instance)
    assert result.stats["seated"] == max_seatable(instance)
    could_sit = {(e[0], e[1]) for e in reference_edges(instance)}
    if max_seatable(instance) == len(could_sit):
        seated = {
            (slot_id, pid)
            for pid, row in result.assignments.items()
            for slot_id, sid in row.items()
            if sid
        }
        assert seated == could_sit


# --- Reproducibility and the lottery.


def test_allocate_is_deterministic_for_the_same_seed_and_input_order() -> None:
    """Same round and seed give the same allocation, even with participants and slots shuffled."""
    rng = random.Random(99)
    for _ in range(30):
        instance = random_instance(rng)
        people, slots = list(instance.participants), list(instance.slots)
        rng.shuffle(people)
        rng.shuffle(slots)
        shuffled = Instance(instance.seed, tuple(slots), tuple(people))
        first = result_to_json(allocate(instance))
        assert result_to_json(allocate(instance)) == first
        assert result_to_json(allocate(shuffled)) == first


def test_different_seeds_change_only_who_wins_ties() -> None:
    """Across seeds, seats and rank cost never change; only tie winners do."""
    instance = contested(slots=1, people=6, sessions=[("X", 2), ("Y", 2)])
    outcomes = set()
    for seed in range(30):
        result = allocate(Instance(seed, instance.slots, instance.participants))
        assert (result.stats["seated"], result.stats["rank_cost"]) == (4, 2 * 1 + 2 * 4)
        outcomes.add(json.dumps(result.assignments, sort_keys=True))
    assert len(outcomes) > 10


def test_lottery_gives_contested_seats_to_the_luckiest_tickets() -> None:
    """With 3 people for 2 seats, the two best tickets of the slot's draw are seated."""
    instance = contested(slots=20, people=3, sessions=[("X", 1), ("Y", 1)])
    result = allocate(instance)
    for slot in instance.slots:
        order = lottery_order(instance.seed, slot.id, ["p0", "p1", "p2"])
        assigned = {pid: row[slot.id] for pid, row in result.assignments.items()}
        assert assigned == {order[0]: "X", order[1]: "Y", order[2]: None}


def test_lottery_losers_differ_between_slots() -> None:
    """With a fresh draw per slot, no identical participant loses every contested tie."""
    instance = contested(slots=40, people=2, sessions=[("X", 1)])
    wins = Counter(
        pid for pid, row in allocate(instance).assignments.items() for sid in row.values() if sid
    )
    assert set(wins) == {"p0", "p1"}
    assert 10 <= wins["p0"] <= 30  # a fair draw lands here with probability 99.9%

    ranked = contested(slots=40, people=3, sessions=[("X", 1), ("Y", 1), ("Z", 1)])
    firsts = Counter(
        pid
        for pid, row in allocate(ranked).assignments.items()
        for sid in row.values()
        if sid == "X"
    )
    assert set(firsts) == {"p0", "p1", "p2"}
    assert all(5 <= count <= 22 for count in firsts.values())


def test_lottery_order_is_sha256_of_seed_slot_and_participant() -> None:
    """Anyone can redo the draw: tickets are sha256("seed:slot:participant"), lowest first."""
    ids = [f"p{i}" for i in range(10)]
    expected = sorted(ids, key=lambda pid: hashlib.sha256(f"7:slot-a:{pid}".encode()).digest())
    assert lottery_order(7, "slot-a", reversed(ids)) == expected
    assert lottery_order(7, "slot-b", ids) != expected


def test_seed_commitment_is_sha256_of_the_canonical_seed() -> None:
    """The published commitment is the hex sha256 of the seed written as a string."""
    assert seed_commitment(7) == hashlib.sha256(b"7").hexdigest()
    assert seed_commitment("7") == seed_commitment(7)
    assert allocate(contested(1, 1, [("X", 1)], seed=7)).stats["seed_commitment"] == (
        seed_commitment(7)
    )
    with pytest.raises(ValueError):
        seed_commitment(True)


# --- JSON.


def sample_json() -> dict[str, Any]:
    return {
        "seed": 7,
        "slots": [
            {
                "id": "am",
                "sessions": [
                    {"id": "health", "capacity": 1, "eligible": None},
                    {"id": "mayors", "capacity": 2, "eligible": ["politician"]},
                ],
            },
            {"id": "pm", "sessions": [{"id": "elderly", "capacity": 1}]},
        ],
        "participants": [
            {"id": "b", "category": "staff", "rankings": {"am": ["health"], "pm": ["elderly"]}},
            {"id": "a", "category": "politician", "rankings": {"am": ["health", "mayors"]}},
            {"id": 3, "category": "politician", "rankings": {"pm": ["elderly"]}},
        ],
    }


def test_result_json_round_trips_with_sorted_keys() -> None:
    """The output survives dumps/loads unchanged and every mapping is in sorted key order."""
    data = json.loads(json.dumps(sample_json()))
    out = result_to_json(allocate(instance_from_json(data)))
    assert json.loads(json.dumps(out)) == out
    assert json.dumps(out) == json.dumps(out, sort_keys=True)
    assert out["assignments"] == {
        "3": {"am": None, "pm": out["assignments"]["3"]["pm"]},
        "a": {"am": "mayors", "pm": None},
        "b": {"am": "health", "pm": out["assignments"]["b"]["pm"]},
    }
    assert {out["assignments"]["3"]["pm"], out["assignments"]["b"]["pm"]} == {"elderly", None}
    assert out["stats"]["rank_histogram"] == {"1": 2, "2": 1}
    assert set(out["stats"]) == {
        "per_slot",
        "rank_cost",
        "rank_histogram",
        "seated",
        "seed_commitment",
        "unseated",
    }


def test_instance_from_json_reads_what_the_docs_describe() -> None:
    """The documented input becomes Sessions, Slots and Participants with string ids."""
    instance = instance_from_json(sample_json())
    assert instance.slots[0].sessions[1] == Session("mayors", 2, frozenset({"politician"}))
    assert instance.slots[1].sessions[0].eligible is None
    assert instance.participants[2] == Participant("3", "politician", {"pm": ["elderly"]})


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("seed"),
        lambda d: d.update(seed=1.5),
        lambda d: d["slots"][0]["sessions"][0].update(capacity=-1),
        lambda d: d["slots"][0]["sessions"][0].update(capacity="10"),
        lambda d: d["slots"][0]["sessions"].append({"id": "health", "capacity": 1}),
        lambda d: d["participants"].append({"id": "a", "category": None}),
        lambda d: d["participants"][0]["rankings"].update(am="health"),
        lambda d: d["slots"].append({"id": "pm", "sessions": []}),
        lambda d: d["slots"][0].pop("sessions"),
    ],
)
def test_instance_from_json_rejects_malformed_input(mutate: Any) -> None:
    """Missing fields, duplicate ids, bad capacities and non-list rankings raise ValueError."""
    data = sample_json()
    mutate(data)
    with pytest.raises(ValueError):
        instance_from_json(data)


def test_allocation_module_imports_no_django() -> None:
    """The domain modules stay plain Python: nothing imports Django."""
    folder = Path(allocation.__file__).parent
    for name in ("__init__.py", "allocation.py", "allocation_cli.py"):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not any(a.name.split(".")[0] == "django" for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] != "django"
