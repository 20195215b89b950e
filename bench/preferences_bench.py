"""Benchmark of a preference round end to end from the database (forsamling.preferences).

Run from the repository root:  .venv/bin/python bench/preferences_bench.py [--runs 7]

Uses SQLite in a temporary directory, or the database in DATABASE_URL (PostgreSQL) when set:
the bench then creates and drops its own test database there. It loads the round of
bench/allocation_bench.py (2,000 participants x 3 slots x 8 sessions, Zipf-like popularity,
one politicians-only session per slot) as real rows: an edition, breakout slots, sessions,
categories, registrations and their rankings (only sessions they may attend, as the ranking
form allows). Then it times `services.run_allocation` / `rerun_allocation`: build the
pseudonymised instance from the database, solve, and store the preview, in one transaction.
It also times publishing once (5,700 seats through the seat counters, with an audit entry per
participant) and the result e-mail, which a background task sends to each participant.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("FORSAMLING_VAR_DIR", tempfile.mkdtemp(prefix="forsamling-bench-"))

import django  # noqa: E402

django.setup()

from allocation_bench import generate  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from forsamling.conferences.models import Edition  # noqa: E402
from forsamling.preferences import emails, services  # noqa: E402
from forsamling.preferences.models import Ranking, RoundStatus  # noqa: E402
from forsamling.programme.models import Audience, Item, ItemKind, Session  # noqa: E402
from forsamling.registration.models import Category, Registration  # noqa: E402

ACTOR = "bench"
DUMMY_TASKS = "django_tasks.backends.dummy.DummyBackend"
EMAIL_SAMPLE = 50


def load(participants: int) -> object:
    """The generated round as database rows; returns the closed PreferenceRound."""
    data = generate(participants)
    now = timezone.now()
    edition = Edition.objects.create(
        slug="bench",
        year=2099,
        title="Benchmark",
        start_date=date(2099, 5, 7),
        end_date=date(2099, 5, 8),
    )
    categories = {
        "politician": Category.objects.create(
            edition=edition, key="politician", name="Politiker", is_politician=True
        ),
        "professional": Category.objects.create(
            edition=edition, key="professional", name="Embedsperson"
        ),
    }
    slot_rows, session_rows = {}, {}
    for order, slot in enumerate(data["slots"]):
        item = Item.objects.create(
            edition=edition, kind=ItemKind.BREAKOUT, title=slot["id"], order=order
        )
        slot_rows[slot["id"]] = item
        for k, s in enumerate(slot["sessions"]):
            session_rows[s["id"]] = Session.objects.create(
                slot=item,
                kind="temamoede",
                title=s["id"],
                number=k + 1,
                capacity=s["capacity"],
                audience=Audience.POLITICIANS if s["eligible"] else Audience.EVERYONE,
            )
    people = Registration.objects.bulk_create(
        Registration(
            edition=edition,
            idempotency_key=p["id"],
            name=p["id"],
            email=f"{p['id']}@example.org",
            organisation="Bench",
            category=categories[p["category"]],
            terms_accepted_at=now,
        )
        for p in data["participants"]
    )
    round = services.create_round(
        edition=edition,
        title="Bench",
        slots=list(slot_rows.values()),
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1),
        actor=ACTOR,
    )
    rankings = []
    for registration, p in zip(people, data["participants"], strict=True):
        politician = p["category"] == "politician"
        for slot_id, ids in p["rankings"].items():
            sessions = [session_rows[i] for i in ids]
            allowed = [s for s in sessions if politician or s.audience == Audience.EVERYONE]
            rankings += [
                Ranking(
                    round=round,
                    registration=registration,
                    slot=slot_rows[slot_id],
                    session=s,
                    rank=rank,
                )
                for rank, s in enumerate(allowed, start=1)
            ]
    Ranking.objects.bulk_create(rankings, batch_size=5000)
    services.open_round(round=round, actor=ACTOR)
    services.close_round(round=round, actor=ACTOR)
    return round


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--participants", type=int, default=2000)
    args = parser.parse_args()
    setup_test_environment()  # e-mail to memory, never to a server
    test_db = connection.creation.create_test_db(verbosity=0)
    try:
        round = load(args.participants)
        times = []
        for run in range(args.runs):
            start = time.perf_counter()
            if run == 0:
                services.run_allocation(round=round, actor=ACTOR)  # type: ignore[arg-type]
            else:
                services.rerun_allocation(round=round, actor=ACTOR)  # type: ignore[arg-type]
            times.append(time.perf_counter() - start)
        assert round.status == RoundStatus.PREVIEWED  # type: ignore[attr-defined]
        stats = round.result["stats"]  # type: ignore[attr-defined]
        # E-mails go to a background task on commit; time publishing without them, then a
        # sample of the messages the task sends.
        with override_settings(TASKS={"default": {"BACKEND": DUMMY_TASKS}}):
            start = time.perf_counter()
            seats = services.publish_round(round=round, actor=ACTOR)  # type: ignore[arg-type]
            publish = time.perf_counter() - start
        sample = list(round.pseudonyms.values())[:EMAIL_SAMPLE]  # type: ignore[attr-defined]
        start = time.perf_counter()
        emails.send_results.call(round.pk, sample)  # type: ignore[attr-defined]
        per_email = (time.perf_counter() - start) / len(sample)
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)
    print(f"database: {connection.vendor}; Python {platform.python_version()}; runs: {args.runs}")
    print(
        f"{args.participants} participants x 3 slots x 8 sessions: {stats['seated']} seated, "
        f"{stats['unseated']} unseated, at rank 1: {stats['rank_histogram'].get('1', 0)}"
    )
    print(
        f"build from DB + solve + store preview: median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f})"
    )
    print(f"publish: {seats} seats through the seat counters, audited: {publish:.2f} s")
    print(f"result e-mail (background task), rendered and sent: {per_email * 1000:.0f} ms each")


if __name__ == "__main__":
    main()
