"""Fair at 10.00 (issue 23): a town hall's 150 people and a script, against a live server.

gunicorn on loopback, behind a "proxy" it trusts (TRUSTED_PROXIES=127.0.0.1, the clients send
X-Forwarded-For as the proxy would), the demo edition open for registration:

  people: 150 people from one gateway address (198.51.100.30) and one e-mail domain
          (@herning.dk) register in the first minutes, 10 at a time, each in their own session
          (cookie jar) solving their own challenge, priced for their domain as the form's
          script asks. All must be accepted.
  script: one address (203.0.113.66) sends registration after registration, each with a
          fresh e-mail domain, solving each challenge; the work it pays per registration is
          printed at counts 1, 50, 150, 300.

"Work" is the challenge's maximum number (what it costs: a solver tries half of it on average)
and the hashes this solver actually tried (the solution's number), with the seconds this
process's pure-Python solver took (a browser's WebCrypto solver is several times faster).

Run, from the repository root (PostgreSQL as in production; SQLite also works):
  scripts/with-postgres .venv/bin/python bench/fairness.py [--base 50000] [--script-count 300]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.lib import rush_check
from bench.lib.rush import PY, ROOT, Gunicorn, django, log, server_env
from bench.lib.rush_client import solve_and_count

GATEWAY, SCRIPT = "198.51.100.30", "203.0.113.66"
DONE_RE = re.compile(r"/tilmelding/[\w-]+/kvittering/$")


def solve(challenge: dict[str, Any]) -> tuple[str, int, float]:
    started = time.perf_counter()
    payload, number = solve_and_count(challenge)
    return payload, number, time.perf_counter() - started


def register(
    base: str, info: dict[str, Any], index: int, *, address: str, domain: str, run: str
) -> dict[str, Any]:
    """One person: their own session, the form, their own challenge, the POST."""
    session = requests.Session()
    session.headers["X-Forwarded-For"] = address
    form_url = f"{base}/{info['edition']}/tilmelding/"
    page = session.get(form_url, timeout=120)
    fields = rush_check.registration_fields(info, index, run)
    fields["email"] = f"person{index}-{run}@{domain}"
    data = {**rush_check.form_tokens(page.text), **fields}
    challenge = session.get(
        f"{base}/altcha/udfordring/", params={"form": "register", "domain": domain}, timeout=120
    ).json()
    data["altcha"], hashes, seconds = solve(challenge)
    # The CSRF cookie is Secure (production's setting): sent by hand over loopback HTTP.
    cookie = f"csrftoken={session.cookies.get('csrftoken', '')}"
    answer = session.post(
        form_url,
        data=data,
        headers={"Origin": base, "Cookie": cookie},
        allow_redirects=False,
        timeout=120,
    )
    accepted = answer.status_code == 302 and bool(DONE_RE.search(answer.headers["Location"]))
    return {
        "index": index,
        "status": answer.status_code,
        "accepted": accepted,
        "max_number": challenge["maxNumber"],
        "hashes": hashes,
        "seconds": seconds,
    }


def people(base: str, info: dict[str, Any], count: int) -> dict[str, Any]:
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(
            pool.map(
                lambda i: register(
                    base, info, i, address=GATEWAY, domain="herning.dk", run="people"
                ),
                range(count),
            )
        )
    elapsed = time.monotonic() - started
    return {
        "people": count,
        "accepted": sum(r["accepted"] for r in results),
        "statuses": sorted({r["status"] for r in results}),
        "minutes": round(elapsed / 60, 2),
        "max_number_first_last": [results[0]["max_number"], results[-1]["max_number"]],
        "solve_seconds_median": round(statistics.median(r["seconds"] for r in results), 3),
        "solve_seconds_max": round(max(r["seconds"] for r in results), 3),
    }


def script(base: str, info: dict[str, Any], count: int, marks: list[int]) -> dict[str, Any]:
    rows, total, accepted = [], 0.0, 0
    for n in range(1, count + 1):
        result = register(
            base, info, 10_000 + n, address=SCRIPT, domain=f"bot{n}.example", run="script"
        )
        total += result["seconds"]
        accepted += result["accepted"]
        if n in marks:
            rows.append({"count": n, **result, "cumulative_seconds": round(total, 1)})
            log(f"script at {n}: max {result['max_number']}, {result['seconds']:.2f} s")
    return {"registrations": count, "accepted": accepted, "marks": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", type=int, default=50_000, help="FORSAMLING_ALTCHA_MAX_NUMBER")
    parser.add_argument("--step", type=int, default=50, help="FORSAMLING_ALTCHA_COST_STEP")
    parser.add_argument("--people", type=int, default=150)
    parser.add_argument("--script-count", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    args.worker_class, args.threads = "sync", 1
    work = Path(tempfile.mkdtemp(prefix="fairness-"))
    env = server_env(
        "fairness",
        work,
        TRUSTED_PROXIES="127.0.0.1",  # the clients' X-Forwarded-For is the proxy's
        FORSAMLING_ALTCHA="1",
        FORSAMLING_ALTCHA_MAX_NUMBER=str(args.base),
        FORSAMLING_ALTCHA_COST_STEP=str(args.step),
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    (work / "var").mkdir()
    manage = [PY, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True)
    info = django("setup", env=env)
    django("reset", env=env)
    server = Gunicorn(args, env)
    base = f"http://127.0.0.1:{server.port}"
    try:
        log(f"{args.people} people from {GATEWAY} @herning.dk")
        town = people(base, info, args.people)
        log(json.dumps(town))
        marks = [m for m in (1, 50, 150, 300, 500) if m <= args.script_count]
        bot = script(base, info, args.script_count, marks)
    finally:
        server.stop()
    print(f"\nbase {args.base}, step {args.step}; pure-Python solver, one core")
    print(
        f"people: {town['accepted']}/{town['people']} accepted in {town['minutes']} min "
        f"(statuses {town['statuses']}); challenge max {town['max_number_first_last'][0]} "
        f"for the first, {town['max_number_first_last'][1]} for the last; solve "
        f"median {town['solve_seconds_median']} s, max {town['solve_seconds_max']} s"
    )
    print("script from one address:")
    print("| count | challenge max | hashes tried | solve (s) | cumulative solve (s) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for row in bot["marks"]:
        print(
            f"| {row['count']} | {row['max_number']:,} | {row['hashes']:,} | "
            f"{row['seconds']:.2f} | {row['cumulative_seconds']} |"
        )
    print(f"script accepted: {bot['accepted']}/{bot['registrations']}")
    if town["accepted"] != town["people"]:
        sys.exit("not every person was accepted")


if __name__ == "__main__":
    main()
