"""Profiles one registration's path (and the crowd's pages) in-process with pyinstrument.

Same settings as the benchmark's gunicorn (production, DEBUG off), the Django test client
instead of HTTP. Prints queries per request and pyinstrument's tree:
  DATABASE_URL=... python bench/lib/rush_profile.py [--count 200] [--what rush|form|programme]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forsamling.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "rush-benchmark-only-secret-key-0123456789-abcdefghijklmnop")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
os.environ.setdefault("CONN_MAX_AGE", "600")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

from bench.lib import rush_check  # noqa: E402
from bench.lib.rush_django import SLUG, describe, reset  # noqa: E402
from forsamling.conferences.models import Edition  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--what", default="rush", choices=["rush", "form", "programme"])
    parser.add_argument(
        "--bare", action="store_true", help="no pyinstrument (e.g. under `py-spy record`)"
    )
    args = parser.parse_args()
    info = describe(Edition.objects.get(slug=SLUG))
    url = f"/{SLUG}/tilmelding/"

    # One client for all: each new one loads the middleware again (WhiteNoise scans its files).
    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")

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
        if args.what == "form":
            return
        data = {
            **rush_check.form_tokens(form.content.decode()),
            **rush_check.registration_fields(info, n, f"profile{time.time()}"),
        }
        with CaptureQueriesContext(connection) as q:
            posted = client.post(url, data)
        assert posted.status_code == 302, posted.content[:500]
        counts.append(len(q))
        with CaptureQueriesContext(connection) as q:
            assert client.get(posted["Location"]).status_code == 200
        counts.append(len(q))

    def bare(n: int) -> None:
        if args.what == "programme":
            client.get(f"/{SLUG}/program/")
            return
        form = client.get(url)
        if args.what == "form":
            return
        data = {
            **rush_check.form_tokens(form.content.decode()),
            **rush_check.registration_fields(info, n, f"profile{time.time()}"),
        }
        posted = client.post(url, data)
        client.get(posted["Location"])

    counts: list[int] = []
    for n in range(5):
        once(n, counts)
    print("queries per request (form, post, confirmation):", counts[-3:])
    profiler = Profiler(interval=0.0005)
    started, cpu = time.perf_counter(), time.process_time()
    if not args.bare:
        profiler.start()
    for n in range(args.count):
        once(1000 + n, None)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{args.count} × {args.what}: {1000 * elapsed / args.count:.1f} ms wall, "
        f"{1000 * cpu / args.count:.1f} ms CPU of this process each"
    )
    if not args.bare:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    reset()


if __name__ == "__main__":
    main()
