"""Profiles one registration's path (and the crowd's pages) in-process with pyinstrument.

Same settings as the benchmark's gunicorn (production, DEBUG off), Django's WSGI handler called
directly instead of HTTP (the test client counts the queries first). Prints queries per request,
this process's CPU per request and pyinstrument's tree:
  DATABASE_URL=... python bench/lib/rush_profile.py [--count 200] [--what rush|form|programme]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forsamling.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "rush-benchmark-only-secret-key-0123456789-abcdefghijklmnop")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
os.environ.setdefault("CONN_MAX_AGE", "600")
# As the benchmark's gunicorn (bench/lib/rush.py): proof of work on with a small maximum, the
# rate limits counted but raised for the one address and domain of every client here.
os.environ.setdefault("FORSAMLING_ALTCHA", "1")
os.environ.setdefault("FORSAMLING_ALTCHA_MAX_NUMBER", "1000")
os.environ.setdefault("FORSAMLING_ALTCHA_COST_STEP", "1000000000")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

from bench.lib import rush_check  # noqa: E402
from bench.lib.rush_client import solve_challenge  # noqa: E402
from bench.lib.rush_django import SLUG, describe, reset  # noqa: E402
from forsamling.conferences.models import Edition  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--what", default="rush", choices=["rush", "form", "programme"])
    parser.add_argument(
        "--bare", action="store_true", help="no pyinstrument (e.g. under `py-spy record`)"
    )
    parser.add_argument("--sql", action="store_true", help="print each request's queries")
    args = parser.parse_args()
    info = describe(Edition.objects.get(slug=SLUG))
    url = f"/{SLUG}/tilmelding/"

    # One client for all: each new one loads the middleware again (WhiteNoise scans its files).
    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")

    last_sql: list[list[dict[str, str]]] = []  # the last registration's, for --sql

    def once(n: int, counts: list[int] | None) -> None:
        client.cookies.clear()  # a new visitor each time
        if counts is None:  # measuring: no query capture
            bare(n)
            return
        if args.what == "programme":
            with CaptureQueriesContext(connection) as q:
                assert client.get(f"/{SLUG}/program/").status_code == 200
            counts.append(len(q))
            return
        with CaptureQueriesContext(connection) as q:
            form = client.get(url)
        counts.append(len(q))
        last_sql[:] = [q.captured_queries]
        if args.what == "form":
            return
        data = {
            **rush_check.form_tokens(form.content.decode()),
            **rush_check.registration_fields(info, n, f"profile{time.time()}"),
        }
        if settings.FORSAMLING_ALTCHA:  # priced for the e-mail's domain, as the script asks
            assert rush_check.served_challenge(form.content.decode()) is not None
            domain = data["email"].rsplit("@", 1)[-1]
            asked = client.get("/altcha/udfordring/", {"form": "register", "domain": domain})
            data["altcha"] = solve_challenge(asked.json())
        with CaptureQueriesContext(connection) as q:
            posted = client.post(url, data)
        assert posted.status_code == 302, posted.content[:500]
        counts.append(len(q))
        last_sql.append(q.captured_queries)
        with CaptureQueriesContext(connection) as q:
            assert client.get(posted["Location"]).status_code == 200
        counts.append(len(q))
        last_sql.append(q.captured_queries)

    # Measured through Django's WSGI handler directly, as gunicorn calls it: the test client
    # adds its own work (signals recording templates and contexts) to every request.
    app = WSGIHandler()
    cpu = [0.0, 0.0, 0.0]  # form, POST, confirmation

    def call(method: str, path: str, body: bytes = b"", cookie: str = "", query: str = "") -> Any:
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "HTTP_COOKIE": cookie,
        }
        answer: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> None:
            answer["status"], answer["headers"] = int(status.split()[0]), headers

        content = b"".join(app(environ, start_response))
        return answer["status"], answer["headers"], content

    def bare(n: int) -> None:
        started = time.process_time()
        if args.what == "programme":
            call("GET", f"/{SLUG}/program/")
            cpu[0] += time.process_time() - started
            return
        status, headers, content = call("GET", url)
        cookie = next(v.split(";")[0] for k, v in headers if k == "Set-Cookie" and "csrf" in v)
        posting = time.process_time()
        cpu[0] += posting - started
        if args.what == "form":
            return
        data = {
            **rush_check.form_tokens(content.decode()),
            **rush_check.registration_fields(info, n, f"profile{time.time()}"),
        }
        if settings.FORSAMLING_ALTCHA:  # the form serves one; its script asks for the domain's
            assert rush_check.served_challenge(content.decode()) is not None
            asked = time.process_time()
            domain = urlencode({"form": "register", "domain": data["email"].rsplit("@", 1)[-1]})
            _, _, challenge = call("GET", "/altcha/udfordring/", query=domain)
            cpu[0] += time.process_time() - asked
            data["altcha"] = solve_challenge(json.loads(challenge))  # the browser's work
            posting = time.process_time()
        status, headers, _ = call("POST", url, urlencode(data, doseq=True).encode(), cookie)
        assert status == 302, status
        confirming = time.process_time()
        cpu[1] += confirming - posting
        location = next(v for k, v in headers if k == "Location")
        status, _, _ = call("GET", location, cookie=cookie)
        assert status == 200, status
        cpu[2] += time.process_time() - confirming

    counts: list[int] = []
    for n in range(5):
        once(n, counts)
    print("queries per request (form, post, confirmation):", counts[-3:])
    if args.sql:
        for name, queries in zip(("form", "POST", "confirmation"), last_sql, strict=True):
            print(f"{name}:")
            for query in queries:
                print(" ", query["time"], query["sql"][:240])
    profiler = Profiler(interval=0.0005)
    cpu[:] = [0.0, 0.0, 0.0]
    started, cpu_total = time.perf_counter(), time.process_time()
    if not args.bare:
        profiler.start()
    for n in range(args.count):
        once(1000 + n, None)
    elapsed, cpu_total = time.perf_counter() - started, time.process_time() - cpu_total
    print(
        f"{args.count} × {args.what}: {1000 * elapsed / args.count:.2f} ms wall, "
        f"{1000 * cpu_total / args.count:.2f} ms CPU of this process each "
        f"(form {1000 * cpu[0] / args.count:.2f}, POST {1000 * cpu[1] / args.count:.2f}, "
        f"confirmation {1000 * cpu[2] / args.count:.2f}; PostgreSQL's CPU not included)"
    )
    if not args.bare:
        profiler.stop()
        every_frame = bool(os.environ.get("PROFILE_ALL"))  # e.g. to see each middleware
        print(profiler.output_text(unicode=True, color=False, show_all=every_frame))
    reset()


if __name__ == "__main__":
    main()
