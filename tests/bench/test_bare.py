"""Issue 29's yardstick: the bare endpoint (bench/lib/bare) must be what it claims, one
conditional UPDATE and one INSERT that never overbook, and its checker must catch a lost row."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from bench.lib.bare import schema, views
from django.db import connection
from django.test import RequestFactory

from tests.processes import ROOT, run_in_project


@pytest.fixture
def tables():
    with connection.cursor() as cursor:
        schema.create(cursor, connection.vendor, capacity=2)
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {schema.ENTRY}")
        cursor.execute(f"DROP TABLE {schema.COUNTER}")


def post(email: str) -> tuple[int, str]:
    response = views.take(RequestFactory().post("/bare/", {"email": email}))
    return response.status_code, response.content.decode()


@pytest.mark.django_db
def test_the_bare_view_takes_seats_until_full_then_queues(tables):
    answers = [post(f"p{n}@example.org") for n in range(4)]
    assert [a[0] for a in answers] == [200] * 4
    assert [a[1].split()[1] for a in answers] == ["confirmed", "confirmed", "waiting", "waiting"]
    with connection.cursor() as cursor:
        state = schema.state(cursor)
    assert state["taken"] == 2
    answered = {f"p{n}@example.org": int(a[1].split()[0]) for n, a in enumerate(answers)}
    assert schema.check(state, answered) == {
        "ok": True,
        "problems": [],
        "entries": 4,
        "confirmed": 2,
        "taken": 2,
    }


@pytest.mark.django_db
def test_the_bare_view_refuses_get_and_an_empty_email(tables):
    assert views.take(RequestFactory().get("/bare/")).status_code == 405
    assert post("") == (400, "email missing")


def test_the_bare_check_catches_overbooking_a_lost_row_and_an_unanswered_one():
    state = {
        "capacity": 1,
        "taken": 1,
        "entries": [
            {"id": 1, "email": "a@example.org", "confirmed": True},
            {"id": 2, "email": "b@example.org", "confirmed": True},
            {"id": 3, "email": "c@example.org", "confirmed": False},
        ],
    }
    result = schema.check(state, {"a@example.org": 1, "b@example.org": 2, "d@example.org": 4})
    assert not result["ok"]
    assert result["problems"] == [
        "2 confirmed > capacity 1",
        "counter 1 != 2 confirmed",
        "1 answered requests without their row, e.g. d@example.org",
        "1 rows no request was answered for",
    ]
    late_seat = [
        {"id": 1, "email": "a@example.org", "confirmed": False},
        {"id": 2, "email": "b@example.org", "confirmed": True},
    ]
    result = schema.check(
        {"capacity": 5, "taken": 1, "entries": late_seat},
        {"a@example.org": 1, "b@example.org": 2},
    )
    assert result["problems"] == ["a later arrival got a seat before an earlier"]


def test_the_bare_project_serves_through_djangos_stock_middleware(tmp_path: Path):
    """Its own settings, URLs and WSGI application, as the benchmark's gunicorn loads them."""
    script = """
import json
from bench.lib.bare.wsgi import application
from django.db import connection
from django.test import Client
from bench.lib.bare import schema
with connection.cursor() as cursor:
    schema.create(cursor, connection.vendor, capacity=1)
client = Client()
first, second = (client.post("/bare/", {"email": e}) for e in ("x@example.org", "y@example.org"))
print(json.dumps([first.status_code, first.content.decode(), second.content.decode(),
                  first.headers.get("X-Frame-Options"), type(application).__name__]))
"""
    done = run_in_project(
        [sys.executable, "-c", script],
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "bench.lib.bare.settings",
            "SECRET_KEY": "bare-test-only-0123456789abcdefghijklmnopqrstuvwxyz",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bare.sqlite3'}",
            "ALLOWED_HOSTS": "testserver",
        },
    )
    assert done.returncode == 0, done.stderr[-3000:]
    status, first, second, frame, app = json.loads(done.stdout.splitlines()[-1])
    assert (status, first, second) == (200, "1 confirmed", "2 waiting")
    assert frame == "DENY"  # XFrameOptionsMiddleware, the last of the stock ones, ran
    assert app == "WSGIHandler"


def test_the_empty_view_answers_without_touching_the_database():
    # No django_db mark: pytest-django fails any query this test makes.
    response = views.empty(RequestFactory().get("/empty/"))
    assert (response.status_code, response.content) == (200, b"ok")
