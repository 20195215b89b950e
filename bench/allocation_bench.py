"""Benchmark of the preference-round allocation (forsamling.domain.allocation).

Run from the repository root:  .venv/bin/python bench/allocation_bench.py [--runs 7]

Generates realistic rounds (3 breakout slots x 8 parallel sessions, Zipf-like popularity,
room sizes summing to ~1.1x the participants, one session per slot for politicians only)
for 2,000 and 20,000 participants, and prints the median build and solve times. For the
2,000 case it also solves the same lexicographic problem with SciPy's HiGHS MILP and prints
the quality ratio (OR-Tools rank cost / HiGHS optimum), which must be 1.000.

Columns: choices = ranking entries submitted; build = instance_from_json (JSON -> Instance);
solve = allocate() end to end (graphs, lottery, OR-Tools, stats); 1st % = seats at rank 1.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_matrix

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from forsamling.domain.allocation import (
    Instance,
    allocate,
    instance_from_json,
)

SLOTS = 3
SESSIONS = 8
ZIPF_EXPONENT = 1.1
CAPACITY_FACTOR = 1.1
POLITICIAN_SHARE = 0.2


def generate(participants: int, seed: int = 2026) -> dict[str, Any]:
    """A synthetic round in the JSON input format; deterministic for a given seed."""
    rng = random.Random(seed)
    slots: list[dict[str, Any]] = []
    popularity: dict[str, list[tuple[str, float]]] = {}
    for s in range(SLOTS):
        slot_id = f"slot-{s + 1}"
        # Popularity follows Zipf but room sizes do not, so popular rooms overflow.
        weights = [1 / (k + 1) ** ZIPF_EXPONENT for k in range(SESSIONS)]
        rng.shuffle(weights)
        rooms = [rng.uniform(0.5, 1.5) for _ in range(SESSIONS)]
        total = sum(rooms)
        ids = [f"{slot_id}-session-{k + 1}" for k in range(SESSIONS)]
        sessions = [
            {
                "id": ids[k],
                "capacity": max(1, round(rooms[k] / total * CAPACITY_FACTOR * participants)),
                "eligible": ["politician"] if k == 0 else None,
            }
            for k in range(SESSIONS)
        ]
        slots.append({"id": slot_id, "sessions": sessions})
        popularity[slot_id] = list(zip(ids, weights, strict=True))
    people = []
    for i in range(participants):
        category = "politician" if rng.random() < POLITICIAN_SHARE else "professional"
        rankings = {}
        for slot_id, options in popularity.items():
            if rng.random() < 0.05:
                continue  # some people skip a slot
            # Efraimidis-Spirakis keys: a popularity-weighted order without replacement.
            order = sorted(options, key=lambda o: rng.random() ** (1 / o[1]), reverse=True)
            rankings[slot_id] = [sid for sid, _ in order[: rng.randint(1, SESSIONS)]]
        people.append({"id": f"p{i:06d}", "category": category, "rankings": rankings})
    return {"seed": 424242424242, "slots": slots, "participants": people}


def highs_optimum(instance: Instance) -> tuple[int, int]:
    """(seated, rank cost) of the two-stage optimum by HiGHS, independently of OR-Tools."""
    rows_p: list[int] = []
    rows_s: list[int] = []
    costs: list[int] = []
    caps: list[int] = []
    groups: dict[tuple[str, str], int] = {}
    for slot in instance.slots:
        base = len(caps)
        index = {x.id: base + k for k, x in enumerate(slot.sessions)}
        caps.extend(x.capacity for x in slot.sessions)
        by_id = {x.id: x for x in slot.sessions}
        for p in instance.participants:
            rank = 0
            for sid in dict.fromkeys(p.rankings.get(slot.id, [])):
                x = by_id.get(sid)
                if x is None or (x.eligible is not None and p.category not in x.eligible):
                    continue
                rank += 1
                rows_p.append(groups.setdefault((p.id, slot.id), len(groups)))
                rows_s.append(index[sid])
                costs.append(rank * rank)
    n = len(costs)
    cols = np.arange(n)
    a = csr_matrix((np.ones(n), (np.array(rows_p), cols)), shape=(len(groups), n))
    b = csr_matrix((np.ones(n), (np.array(rows_s), cols)), shape=(len(caps), n))
    limits = [LinearConstraint(a, 0, 1), LinearConstraint(b, 0, np.array(caps))]
    opts = {"integrality": np.ones(n), "bounds": Bounds(0, 1)}
    first = milp(-np.ones(n), constraints=limits, **opts)
    seated = round(-first.fun)
    everyone = LinearConstraint(np.ones((1, n)), seated, seated)
    second = milp(np.array(costs, float), constraints=[*limits, everyone], **opts)
    return seated, round(second.fun)


def timed(fn: Any, runs: int) -> tuple[float, Any]:
    samples, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (median)")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, runs={args.runs}")
    header = f"{'participants':>12} {'choices':>8} {'build s':>8} {'solve s':>8} {'seated':>7}"
    print(header + f" {'unseated':>8} {'rank cost':>9} {'1st %':>6} {'quality':>8}")
    for size in (2_000, 20_000):
        data = generate(size)
        build, instance = timed(lambda data=data: instance_from_json(data), args.runs)
        solve, result = timed(lambda instance=instance: allocate(instance), args.runs)
        stats = result.stats
        choices = sum(len(r) for p in data["participants"] for r in p["rankings"].values())
        first = stats["rank_histogram"].get("1", 0) / max(1, stats["seated"]) * 100
        quality = "-"
        if size <= 2_000:
            seated, optimum = highs_optimum(instance)
            assert seated == stats["seated"], (seated, stats["seated"])
            quality = f"{stats['rank_cost'] / optimum:.3f}"
        print(
            f"{size:>12,} {choices:>8,} {build:>8.3f} {solve:>8.3f} {stats['seated']:>7,}"
            f" {stats['unseated']:>8,} {stats['rank_cost']:>9,} {first:>6.1f} {quality:>8}"
        )


if __name__ == "__main__":
    main()
