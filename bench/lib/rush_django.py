"""The Django side of the rush benchmark: data, the SQL of one registration, the checks.

Run as a script with the project's settings (DATABASE_URL pointing at the benchmark's
PostgreSQL): `python bench/lib/rush_django.py setup|reset|capture OUT.sql|check RESULTS.jsonl`.
Each prints one JSON object on stdout for the orchestrator (`bench/lib/rush.py`).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forsamling.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from bench.lib import rush_check  # noqa: E402
from bench.lib.rush_client import solve_challenge  # noqa: E402
from forsamling.conferences.models import Edition  # noqa: E402
from forsamling.outbox.models import SentMessage  # noqa: E402
from forsamling.programme.models import Item, ItemKind, ProgrammeVersion, Session  # noqa: E402
from forsamling.programme.services import publish_programme  # noqa: E402
from forsamling.registration.models import (  # noqa: E402
    AuditEntry,
    Category,
    Choice,
    Registration,
    SessionSeats,
)

SLUG = "demo"
# Ids of the captured registration's rows start here, so the script can tell them apart.
ID_BASE = 7_000_000_000


def setup() -> dict[str, Any]:
    """The demo edition, open for registration, its programme published; ids for the client."""
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    edition = Edition.objects.get(slug=SLUG)
    edition.registration_opens_at = timezone.now() - timedelta(minutes=1)
    edition.save(update_fields=["registration_opens_at"])
    if not ProgrammeVersion.objects.filter(edition=edition).exists():
        publish_programme(edition=edition, comment="Rush benchmark")
    reset()
    return describe(edition)


def describe(edition: Edition) -> dict[str, Any]:
    slots = []
    for slot in Item.objects.filter(edition=edition, kind=ItemKind.BREAKOUT).order_by("id"):
        sessions = Session.objects.filter(slot=slot, is_cancelled=False).order_by("id")
        slots.append(
            {
                "slot": slot.pk,
                "sessions": [
                    {"id": s.pk, "audience": s.audience, "capacity": s.capacity} for s in sessions
                ],
            }
        )
    categories = {c.key: c.pk for c in Category.objects.filter(edition=edition)}
    # An edition with parallel tracks asks which one each participant attends.
    tracks = list(edition.tracks.order_by("id").values_list("pk", flat=True))
    return {"edition": edition.slug, "slots": slots, "categories": categories, "tracks": tracks}


def reset() -> dict[str, Any]:
    """No registrations, every counter at zero; fresh table statistics; a checkpoint."""
    edition = Edition.objects.get(slug=SLUG)
    SentMessage.objects.filter(registration__edition=edition).delete()
    AuditEntry.objects.filter(edition=edition).delete()
    Choice.objects.filter(registration__edition=edition).delete()
    Registration.objects.filter(edition=edition).delete()
    SessionSeats.objects.filter(session__slot__edition=edition).update(taken=0)
    DBTaskResult.objects.all().delete()  # the e-mails the rush queued (no worker runs here)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            # Every phase starts right after a checkpoint, so none pays for one the previous
            # phase left due (its full-page writes and flushing) and the phases compare.
            cursor.execute("CHECKPOINT")
    return {"reset": True}


def capture(out: str) -> dict[str, Any]:
    """Every statement one registration issues through the browser's path, as a pgbench script.

    The Django test client runs the three requests (form, POST, confirmation) in this process
    against the same database; an execute wrapper records each statement with its parameters
    and whether it ran inside a transaction, so BEGIN/COMMIT can be put back. One registration
    runs first, unrecorded: what the server keeps for a second (the form page, the edition, its
    sessions) is then kept, as it is for all but one registration a second per worker during
    the rush. Django's health check (`SELECT 1` before a request's first query, with
    persistent connections) bypasses execute wrappers, so it is put back by hand.
    """
    info = describe(Edition.objects.get(slug=SLUG))
    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    recorded: list[tuple[str, Any, bool, int, int]] = []
    post = 1  # the requests are numbered: the form (with its challenge) 0, the POST 1, the end 2
    request = [0]  # which of them is running
    health_checks = bool(connection.settings_dict.get("CONN_HEALTH_CHECKS")) and (
        connection.settings_dict.get("CONN_MAX_AGE") != 0
    )

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        atomic = connection.in_atomic_block
        if health_checks and request[0] not in {r[4] for r in recorded}:
            recorded.append(("SELECT 1", None, False, 1, request[0]))
        result = execute(sql, params, many, context)
        recorded.append((sql, params, atomic, context["cursor"].rowcount, request[0]))
        return result

    def register(n: int) -> str:
        request[0] = 0
        form = client.get(url)
        fields = rush_check.form_tokens(form.content.decode())
        data = {**fields, **rush_check.registration_fields(info, n, "capture")}
        if settings.FORSAMLING_ALTCHA:  # the widget's answer, as the browser sends it
            data["altcha"] = solve_challenge(client.get("/altcha/udfordring/").json())
        request[0] += 1
        posted = client.post(url, data)
        assert posted.status_code == 302, posted.content.decode()[:2000]
        request[0] += 1
        done = client.get(posted["Location"])
        assert done.status_code == 200
        return fields["idempotency_key"]

    url = f"/{SLUG}/tilmelding/"
    tables = [Registration, Choice, AuditEntry, SentMessage]
    with connection.cursor() as cursor:
        for n, model in enumerate(tables):
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)",
                [f'"{model._meta.db_table}"', ID_BASE * (n + 1)],
            )
    with override_settings(PUBLIC_PAGE_CACHE_SECONDS=60):
        register(1)  # not recorded: fills what the server keeps
        ids_before = {
            model: set(model.objects.filter(pk__gt=ID_BASE).values_list("pk", flat=True))
            for model in tables
        }
        with connection.execute_wrapper(wrapper):
            key = register(2)
    registration = Registration.objects.get(idempotency_key=key)
    ids: dict[int, tuple[str, str]] = {}
    for model in tables:
        table = model._meta.db_table
        rows = model.objects.filter(pk__gt=ID_BASE).order_by("pk").values_list("pk", flat=True)
        for n, pk in enumerate(pk for pk in rows if pk not in ids_before[model]):
            ids[pk] = (table, f"{table}_{n}")
    unique = {
        registration.idempotency_key: "key",
        registration.token: "token",
        registration.email: "email",
    }

    def script(statements: list[tuple[str, Any, bool, int, int]]) -> str:
        return rush_check.pgbench_script(
            [
                (connection.ops.compose_sql(sql, params) if params else sql, atomic, rows)
                for sql, params, atomic, rows, _request in statements
            ],
            unique=unique,
            ids=ids,
        )

    # The whole path (the form and its challenge, the POST, the confirmation), and the POST's
    # statements alone: what PostgreSQL is asked for the full path and for the POST.
    posted = [statement for statement in recorded if statement[4] == post]
    Path(out).write_text(script(recorded))
    post_out = f"{out.removesuffix('.sql')}-post.sql"
    Path(post_out).write_text(script(posted))
    reset()
    return {
        "statements": len(recorded),
        "post_statements": len(posted),
        "script": out,
        "post_script": post_out,
    }


def check(results_path: str) -> dict[str, Any]:
    """Compares what the clients saw with what the database holds (see rush_check.check)."""
    results = [json.loads(line) for line in Path(results_path).read_text().splitlines() if line]
    edition = Edition.objects.get(slug=SLUG)
    registrations = list(
        Registration.objects.filter(edition=edition).values("id", "email", "token", "status")
    )
    choices = list(
        Choice.objects.filter(registration__edition=edition).values(
            "id", "registration_id", "session_id", "status", "created_at"
        )
    )
    capacities = {
        s.pk: s.capacity for s in Session.objects.filter(slot__edition=edition, is_cancelled=False)
    }
    taken = dict(
        SessionSeats.objects.filter(session__slot__edition=edition).values_list(
            "session_id", "taken"
        )
    )
    for row in choices:
        row["created_at"] = row["created_at"].timestamp()
    return rush_check.check(results, registrations, choices, capacities, taken)


def main() -> None:
    command = sys.argv[1]
    if command == "setup":
        result = setup()
    elif command == "reset":
        result = reset()
    elif command == "capture":
        result = capture(sys.argv[2])
    elif command == "check":
        result = check(sys.argv[2])
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
