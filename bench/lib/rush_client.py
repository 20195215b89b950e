"""Load client for the rush benchmark: asyncio and raw streams, HTTP/1.1, loopback only.

Two modes, both bounded in count and in time and stopping by themselves:

  rush:  N registrations over C concurrent clients, each the browser's path: GET the form
         (CSRF cookie and token, idempotency key, the proof-of-work challenge), GET the
         challenge priced for the e-mail's domain (as the form's script does) and solve it
         (ALTCHA), POST it with one choice per breakout
         slot, follow the redirect to the confirmation page. One JSON line per registration.
  crowd: C clients fetching the given paths round-robin until N requests or the time is up.
  prepare, post: the POST alone. `prepare` does the form and the solved challenge of N
         registrations (one JSON line each: cookie and fields), unmeasured; `post` then sends
         those POSTs over C clients without following the redirect (one JSON line each, as
         the rush's, the token read from the redirect).
  bare:  N POSTs of the bare endpoint (bench/lib/bare: one conditional UPDATE, one INSERT)
         over C clients; one JSON line per request (e-mail, the entry id it was told).

The summary (rates, CPU seconds of this process) is printed as one JSON object at the end.
Run: python bench/lib/rush_client.py rush|crowd|prepare|post|bare --port P --clients C --count N ...
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import altcha

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.lib import rush_check

HOST = "127.0.0.1"  # the benchmark never leaves the machine
# A browser waits minutes; the benchmark gives up on one registration (three requests) after
# this long, and counts it as an error.
REQUEST_TIMEOUT = 120.0
DONE_RE = re.compile(r"/tilmelding/([\w-]+)/kvittering/$")


def solve_challenge(challenge: dict[str, Any]) -> str:
    """The widget's answer to an ALTCHA challenge (the benchmark runs with a small maximum
    number, FORSAMLING_ALTCHA_MAX_NUMBER: the server's cost to check does not depend on it)."""
    return solve_and_count(challenge)[0]


def solve_and_count(challenge: dict[str, Any]) -> tuple[str, int]:
    """The widget's answer to an ALTCHA challenge, and the number it found (the hashes tried)."""
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    if solution is None:
        raise ValueError("unsolvable challenge")
    payload = altcha.PayloadV1(
        challenge["algorithm"],
        challenge["challenge"],
        solution.number,
        challenge["salt"],
        challenge["signature"],
    ).to_base64()
    return str(payload), solution.number


class Connection:
    """One keep-alive connection; reopened when the server closes it (gunicorn's sync workers
    close after every response)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes = b""
    ) -> tuple[int, dict[str, str], list[str], bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        head = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{self.port}"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        if body:
            head.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        response: dict[str, str] = {}
        cookies: list[str] = []
        for line in lines[1:]:
            if not line:
                continue
            name, _, value = line.partition(":")
            name = name.lower()
            if name == "set-cookie":
                cookies.append(value.strip())
            response[name] = value.strip()
        if response.get("transfer-encoding", "").lower() == "chunked":
            content = await self._chunked()
        else:
            content = await self.reader.readexactly(int(response.get("content-length", "0")))
        if response.get("connection", "").lower() == "close":
            self.close()
        return status, response, cookies, content

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readline()).split(b";")[0], 16)
            if size == 0:
                await self.reader.readline()
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readline()

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def csrf_cookie(cookies: list[str]) -> str | None:
    for cookie in cookies:
        name, _, rest = cookie.partition("=")
        if name == "csrftoken":
            return rest.split(";", 1)[0]
    return None


async def fill_in(
    connection: Connection, info: dict[str, Any], index: int, run: str, popular_share: float
) -> tuple[dict[str, Any], str, dict[str, str]]:
    """The form and the solved challenge: (result so far, CSRF cookie, the POST's fields);
    the result has an "error" if either failed."""
    fields = rush_check.registration_fields(info, index, run, popular_share)
    result: dict[str, Any] = {"index": index, "email": fields["email"], "started": time.time()}
    path = f"/{info['edition']}/tilmelding/"
    status, _headers, cookies, body = await connection.request("GET", path, {})
    result["form_status"] = status
    cookie = csrf_cookie(cookies)
    if status != 200 or cookie is None:
        result["error"] = f"form {status}"
        return result, "", {}
    page = body.decode()
    data = {**rush_check.form_tokens(page), **fields}
    # The proof of work, as the browser does it while the person fills in the form: the
    # widget solves the challenge served with the page at once (the browser's work only); the
    # e-mail typed, the form's script fetches one priced for its domain
    # (forsamling/altcha-domain.js), and that one is sent.
    if rush_check.served_challenge(page) is None:
        result["error"] = "form without its challenge"
        return result, "", {}
    domain = fields["email"].rsplit("@", 1)[-1]
    status, _headers, _cookies, body = await connection.request(
        "GET", f"/altcha/udfordring/?{urlencode({'form': 'register', 'domain': domain})}", {}
    )
    if status != 200:
        result["error"] = f"challenge {status}"
        return result, "", {}
    challenge = json.loads(body)
    data["altcha"] = solve_challenge(challenge)
    return result, cookie, data


async def send(
    connection: Connection,
    info: dict[str, Any],
    result: dict[str, Any],
    cookie: str,
    data: dict[str, str],
) -> str | None:
    """The POST; the confirmation page's location (and the token in `result`), or None."""
    path = f"/{info['edition']}/tilmelding/"
    result["post_sent"] = time.time()
    status, headers, _cookies, body = await connection.request(
        "POST",
        path,
        {
            "Cookie": f"csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://{HOST}:{connection.port}",
        },
        urlencode(data).encode(),
    )
    result["post_answered"] = time.time()
    result["post_status"] = status
    location = headers.get("location", "")
    match = DONE_RE.search(location)
    if status != 302 or match is None:
        result["error"] = f"post {status} {body[:200]!r}"
        return None
    result["token"] = match.group(1)
    return location


async def register(
    connection: Connection, info: dict[str, Any], index: int, run: str, popular_share: float
) -> dict[str, Any]:
    result, cookie, data = await fill_in(connection, info, index, run, popular_share)
    if "error" in result:
        return result
    location = await send(connection, info, result, cookie, data)
    if location is None:
        return result
    token = result.pop("token")  # a registration counts once its confirmation page came
    status, _headers, _cookies, _body = await connection.request(
        "GET", location, {"Cookie": f"csrftoken={cookie}"}
    )
    result["done_status"] = status
    if status != 200:
        result["error"] = f"confirmation {status}"
        return result
    result["token"] = token
    result["finished"] = time.time()
    return result


async def rush(args: argparse.Namespace) -> dict[str, Any]:
    """The whole path of each registration (`register`); a failed one is written with the
    e-mail it would have had."""
    info = json.loads(Path(args.info).read_text())

    async def work(connection: Connection, index: int) -> dict[str, Any]:
        return await register(connection, info, index, args.run, args.popular_share)

    def email_of(index: int) -> str:
        return rush_check.registration_fields(info, index, args.run)["email"]

    return await each(args, work, args.out, email_of)


async def each(
    args: argparse.Namespace, work: Any, out_path: str, email_of: Any = None
) -> dict[str, Any]:
    """Runs `work(connection, index)` for indexes 0..count-1 over `args.clients` concurrent
    clients, bounded by `args.seconds`; writes each returned dict as a JSON line (with the
    e-mail `email_of(index)` if the work failed with an exception)."""
    deadline = time.monotonic() + args.seconds
    next_index = iter(range(args.count))

    async def client() -> None:
        connection = Connection(args.port)
        for index in next_index:
            if time.monotonic() > deadline:
                return
            try:
                result = await asyncio.wait_for(work(connection, index), REQUEST_TIMEOUT)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as e:
                connection.close()
                result = {"index": index, "error": f"{type(e).__name__}: {e}"}
                if email_of is not None:
                    result["email"] = email_of(index)
            out.write(json.dumps(result) + "\n")

    started = time.monotonic()
    with Path(out_path).open("w") as out:
        await asyncio.gather(*(client() for _ in range(args.clients)))
    return {"wall": time.monotonic() - started}


async def prepare(args: argparse.Namespace) -> dict[str, Any]:
    """The forms and solved challenges of the POST-alone run (not measured)."""
    info = json.loads(Path(args.info).read_text())

    async def work(connection: Connection, index: int) -> dict[str, Any]:
        result, cookie, data = await fill_in(connection, info, index, args.run, args.popular_share)
        return {**result, "cookie": cookie, "data": data}

    return await each(args, work, args.out)


async def post(args: argparse.Namespace) -> dict[str, Any]:
    """The prepared POSTs alone: no form, no challenge, no confirmation page."""
    info = json.loads(Path(args.info).read_text())
    prepared = [json.loads(line) for line in Path(args.prepared).read_text().splitlines()]
    by_index = {p["index"]: p for p in prepared}

    def email_of(index: int) -> str:
        return rush_check.registration_fields(info, index, args.run)["email"]

    async def work(connection: Connection, index: int) -> dict[str, Any]:
        ready = by_index.get(index)
        if ready is None or "error" in ready:
            return {"index": index, "email": email_of(index), "error": "not prepared"}
        result = {"index": index, "email": ready["email"], "started": time.time()}
        await send(connection, info, result, ready["cookie"], ready["data"])
        result["finished"] = result.get("post_answered", time.time())
        return result

    return await each(args, work, args.out, email_of)


async def bare(args: argparse.Namespace) -> dict[str, Any]:
    """The bare endpoint: one POST each, a new e-mail each (its table has them unique)."""

    async def work(connection: Connection, index: int) -> dict[str, Any]:
        email = f"bare-{args.run}-{index}@example.org"
        sent = time.time()
        status, _headers, _cookies, body = await connection.request(
            "POST",
            "/bare/",
            {"Content-Type": "application/x-www-form-urlencoded"},
            urlencode({"email": email}).encode(),
        )
        result: dict[str, Any] = {"index": index, "email": email, "status": status}
        result["latency"] = time.time() - sent
        if status == 200:
            result["entry"] = int(body.split()[0])
        else:
            result["error"] = f"bare {status} {body[:200]!r}"
        return result

    return await each(args, work, args.out, lambda index: f"bare-{args.run}-{index}@example.org")


async def crowd(args: argparse.Namespace) -> dict[str, Any]:
    deadline = time.monotonic() + args.seconds
    next_index = iter(range(args.count))
    latencies: dict[str, list[float]] = {path: [] for path in args.paths}
    errors: dict[str, int] = {path: 0 for path in args.paths}

    async def client() -> None:
        connection = Connection(args.port)
        for index in next_index:
            if time.monotonic() > deadline:
                return
            path = args.paths[index % len(args.paths)]
            start = time.monotonic()
            try:
                status, *_ = await asyncio.wait_for(
                    connection.request("GET", path, {}), REQUEST_TIMEOUT
                )
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                connection.close()
                status = 0
            if status == 200:
                latencies[path].append(time.monotonic() - start)
            else:
                errors[path] += 1

    started = time.monotonic()
    await asyncio.gather(*(client() for _ in range(args.clients)))
    wall = time.monotonic() - started
    return {
        "wall": wall,
        "paths": {
            path: {
                "requests": len(values) + errors[path],
                "errors": errors[path],
                "p50_ms": 1000 * rush_check.percentile(values, 50),
                "p95_ms": 1000 * rush_check.percentile(values, 95),
                "p99_ms": 1000 * rush_check.percentile(values, 99),
            }
            for path, values in latencies.items()
        },
        "requests_per_s": sum(len(v) for v in latencies.values()) / wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["rush", "crowd", "prepare", "post", "bare"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--clients", type=int, required=True)
    parser.add_argument("--count", type=int, required=True, help="at most this many")
    parser.add_argument("--seconds", type=float, default=60, help="and at most this long")
    parser.add_argument("--info", help="rush: the JSON describing slots and categories")
    parser.add_argument("--run", default="run", help="rush: makes e-mails unique per run")
    parser.add_argument(
        "--popular-share",
        type=float,
        default=rush_check.POPULAR_SHARE,
        help="rush: share of participants wanting the popular sessions (0: choices spread)",
    )
    parser.add_argument("--out", help="rush: where the JSON lines go")
    parser.add_argument("--paths", nargs="*", default=[], help="crowd: paths to fetch")
    parser.add_argument("--prepared", help="post: the JSON lines `prepare` wrote")
    args = parser.parse_args()
    modes = {"rush": rush, "crowd": crowd, "prepare": prepare, "post": post, "bare": bare}
    summary = asyncio.run(modes[args.mode](args))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    summary["client_cpu_s"] = usage.ru_utime + usage.ru_stime
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
