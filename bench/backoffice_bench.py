"""Benchmark of the back office with 2,000 registrations (forsamling.backoffice).

Run from the repository root:  .venv/bin/python bench/backoffice_bench.py [--people 2000]

Uses SQLite in a temporary directory, or the database in DATABASE_URL (PostgreSQL) when set:
the bench creates and drops its own test database there. It loads an edition with two
breakout slots of six sessions, four categories and N registrations (Danish names, 98
municipalities, choices in both slots, a fifth with dinner and dietary needs, spread over 30
days), then times:
  - the badge PDF on A4 label sheets (2×4) and one per page, made as the background job does
    (WeasyPrint in chunks of 200, joined), including the segno QR code on every badge;
  - the XLSX export of all registrations through the list page (the view, end to end);
  - the overview page (the view, end to end), with its number of queries.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("FORSAMLING_VAR_DIR", tempfile.mkdtemp(prefix="forsamling-bench-"))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from forsamling.conferences.models import Edition  # noqa: E402
from forsamling.outputs import jobs  # noqa: E402
from forsamling.outputs.models import OutputJob, OutputKind  # noqa: E402
from forsamling.programme.models import Item, ItemKind, Session  # noqa: E402
from forsamling.registration.models import (  # noqa: E402
    Category,
    Choice,
    ChoiceStatus,
    Registration,
    SessionSeats,
)

FIRST = ["Anne", "Bo", "Søren", "Åse", "Ærling", "Mette", "Jørgen", "Lærke", "Ole", "Birthe"]
LAST = ["Jensen", "Ødegaard", "Aagaard", "Bæk", "Holm", "Sørensen", "Åberg", "Nielsen"]
TOWNS = ["Aabenraa", "Aalborg", "Ærø", "Århus", "Odense", "Køge", "Sorø", "Fanø", "Brøndby"]


def load(people: int) -> Edition:
    edition = Edition.objects.create(
        slug="bench", year=2099, title="Benchmark", start_date=date(2099, 5, 7),
        end_date=date(2099, 5, 8),
    )  # fmt: skip
    categories = [
        Category.objects.create(edition=edition, key=f"c{i}", name=name, price=Decimal(price))
        for i, (name, price) in enumerate(
            [("Kommunalpolitiker", "3995"), ("Embedsperson", "3995"),
             ("Medlem af sundhedsråd", "3995"), ("Standpersonale", "1900")]
        )
    ]  # fmt: skip
    slots, sessions = [], []
    for s in range(2):
        slot = Item.objects.create(edition=edition, kind=ItemKind.BREAKOUT, title=f"Slot {s}")
        slots.append(slot)
        sessions.append(
            [
                Session.objects.create(
                    slot=slot, kind="temamoede", number=k + 1, title=f"Temamøde {s}.{k}",
                    capacity=people // 5,
                )
                for k in range(6)
            ]
        )  # fmt: skip
    now = timezone.now()
    rows = [
        Registration(
            edition=edition,
            idempotency_key=f"bench-{i}",
            name=f"{FIRST[i % 10]} {LAST[(i // 10) % 8]} {i}",
            email=f"p{i}@example.dk",
            organisation=f"{TOWNS[i % 9]} Kommune {i % 98}",
            job_title="Byrådsmedlem",
            category=categories[i % 4],
            dinner=i % 5 == 0,
            dietary="Vegetar" if i % 5 == 0 else "",
            list_consent=i % 2 == 0,
            terms_accepted_at=now,
        )
        for i in range(people)
    ]
    Registration.objects.bulk_create(rows, batch_size=500)
    registrations = list(Registration.objects.filter(edition=edition).order_by("id"))
    for i, registration in enumerate(registrations):
        registration.created_at = now - timedelta(days=30 * (people - i) / people)
    Registration.objects.bulk_update(registrations, ["created_at"], batch_size=500)
    choices, taken = [], {}
    for i, registration in enumerate(registrations):
        for s, slot in enumerate(slots):
            session = sessions[s][(i * (s + 1)) % 6]
            seated = taken.get(session.pk, 0) < (session.capacity or 0)
            taken[session.pk] = taken.get(session.pk, 0) + (1 if seated else 0)
            choices.append(
                Choice(
                    registration=registration, slot=slot, session=session,
                    status=ChoiceStatus.CONFIRMED if seated else ChoiceStatus.WAITING,
                )
            )  # fmt: skip
    Choice.objects.bulk_create(choices, batch_size=1000)
    for pk, n in taken.items():  # each session got its counter row when it was made
        SessionSeats.objects.filter(session_id=pk).update(taken=n)
    return edition


def timed(label: str, work) -> float:
    """Wall-clock and this process's CPU time: the CPU figure holds up on a busy machine."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label}: {seconds:.2f} s wall, {cpu:.2f} s CPU{f'  ({result})' if result else ''}")
    return seconds


def pdf(edition: Edition, kind: str) -> str:
    job = OutputJob.objects.create(edition=edition, kind=kind)
    jobs.make_pdf(job.pk)
    job.refresh_from_db()
    assert job.status == "done", job.error
    Path(tempfile.gettempdir(), f"bench-{kind}.pdf").write_bytes(job.file.read())
    items = "sessions" if kind == OutputKind.DOOR_LISTS else "badges"
    return f"{job.total} {items}, {job.file.size / 1e6:.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=2000)
    args = parser.parse_args()
    setup_test_environment()
    test_db = connection.creation.create_test_db(verbosity=0)
    try:
        print(f"Python {platform.python_version()}, {connection.vendor}, {os.cpu_count()} cores")
        timed(f"load {args.people} registrations", lambda: load(args.people) and None)
        edition = Edition.objects.get(slug="bench")
        admin = get_user_model().objects.create_superuser("bench", "bench@example.dk", "x")
        client = Client()
        client.force_login(admin)
        base = f"/backoffice/konference/{edition.slug}"
        client.get(f"{base}/overblik/")  # warm the templates
        for run in range(3):
            with CaptureQueriesContext(connection) as captured:
                timed(f"overview page (run {run + 1})", lambda: client.get(f"{base}/overblik/")
                      .status_code == 200 and None)  # fmt: skip
        print(f"overview page queries: {len(captured)}")
        for run in range(2):
            timed(
                f"XLSX export of all registrations (run {run + 1})",
                lambda: (
                    f"{len(client.get(f'{base}/tilmeldinger/?format=xlsx').content) / 1e3:.0f} kB"
                ),
            )
        timed("CSV export of all registrations", lambda: client.get(
            f"{base}/tilmeldinger/?format=csv").status_code == 200 and None)  # fmt: skip
        timed("badges PDF, A4 label sheets 2×4", lambda: pdf(edition, OutputKind.BADGE_SHEETS))
        timed("badges PDF, one per page", lambda: pdf(edition, OutputKind.BADGE_PAGES))
        timed("door lists PDF", lambda: pdf(edition, OutputKind.DOOR_LISTS))
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
