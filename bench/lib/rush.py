"""The 10.00 rush, measured: pgbench's limit for the SQL of one registration, then the rush
through gunicorn from loopback, then the crowd before opening. Started by `bench/run-rush`.

Everything runs on this machine against 127.0.0.1 and the PostgreSQL in DATABASE_URL; every
load is bounded in count and time. See bench/README.md for what is measured and how.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.lib import rush_check  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))
TICK = os.sysconf("SC_CLK_TCK")


def server_env(name: str, work: Path, static_root: str = "", **settings: str) -> dict[str, str]:
    """The environment of a benchmark's Django server (the production settings), with `work`'s
    var/ as its data and `settings` added; `name` is in its throwaway secret key."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "forsamling.settings",
        "DEBUG": "0",
        "SECRET_KEY": f"{name}-benchmark-only-secret-key-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on loopback: the TLS proxy of production is left out.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": static_root or str(work / "static"),
        "FORSAMLING_VAR_DIR": str(work / "var"),
        "PYTHONPATH": str(ROOT / "src"),
        **settings,
    }


# The proof of work on, with a small maximum so the clients solve it quickly (the server's
# check costs the same whatever the maximum). One loopback address sends every registration:
# its proof of work stays at the base.
CHEAP_PROOF_OF_WORK = {
    "FORSAMLING_ALTCHA": "1",
    "FORSAMLING_ALTCHA_MAX_NUMBER": "1000",
    "FORSAMLING_ALTCHA_COST_STEP": "1000000000",
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- /proc: CPU and memory of process trees ---------------------------------------------------


def _stat(pid: int) -> tuple[int, float, float]:
    """(parent pid, own CPU seconds, reaped children's CPU seconds)."""
    raw = Path(f"/proc/{pid}/stat").read_text()
    fields = raw[raw.rindex(")") + 2 :].split()
    ppid = int(fields[1])
    own = (int(fields[11]) + int(fields[12])) / TICK
    reaped = (int(fields[13]) + int(fields[14])) / TICK
    return ppid, own, reaped


def children(parent: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if _stat(int(entry))[0] == parent:
                    found.append(int(entry))
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
    return found


def tree_cpu(root: int) -> float:
    """CPU seconds of a process and its children, living and exited (reaped by the root)."""
    _, own, reaped = _stat(root)
    total = own + reaped
    for child in children(root):
        try:
            total += _stat(child)[1]
        except FileNotFoundError:
            continue
    return total


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --- the pieces --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def django(command: str, *args: str, env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run(
        [PY, str(ROOT / "bench" / "lib" / "rush_django.py"), command, *args],
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise RuntimeError(f"rush_django {command} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def pg_connect() -> Any:
    import psycopg

    return psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)


def postmaster_pid() -> int | None:
    """The local postmaster, as the parent of our own backend; None for a remote server."""
    with pg_connect() as conn:
        backend = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        try:
            return _stat(backend)[0]
        except FileNotFoundError:
            return None


class LockSampler(threading.Thread):
    """Samples pg_stat_activity every 20 ms: backends waiting on a lock, and on which relation."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples = 0
        self.waiting = 0
        self.on_seats = 0
        self.max_waiting = 0
        self.stop = threading.Event()

    def run(self) -> None:
        with pg_connect() as conn:
            while not self.stop.is_set():
                row = conn.execute(
                    """
                    SELECT count(*) FILTER (WHERE a.wait_event_type = 'Lock'),
                           count(*) FILTER (WHERE a.wait_event_type = 'Lock' AND EXISTS (
                               SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted
                               AND (l.relation = 'registration_sessionseats'::regclass
                                    OR l.locktype = 'transactionid')))
                    FROM pg_stat_activity a
                    WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
                    """
                ).fetchone()
                self.samples += 1
                self.waiting += row[0]
                self.on_seats += row[1]
                self.max_waiting = max(self.max_waiting, row[0])
                time.sleep(0.02)

    def result(self) -> dict[str, float]:
        n = max(self.samples, 1)
        return {
            "mean_waiting": self.waiting / n,
            "mean_waiting_on_seats": self.on_seats / n,
            "max_waiting": self.max_waiting,
        }


class Gunicorn:
    def __init__(self, args: argparse.Namespace, env: dict[str, str]) -> None:
        self.port = free_port()
        command = [
            GUNICORN,
            "forsamling.wsgi",
            f"--workers={args.workers}",
            f"--worker-class={args.worker_class}",
            f"--bind=127.0.0.1:{self.port}",
            "--backlog=2048",
            "--timeout=60",
            "--preload",
            "--no-control-socket",
        ]
        if args.worker_class == "gthread":
            command.append(f"--threads={args.threads}")
        self.process = subprocess.Popen(command, cwd=ROOT / "src", env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    pass
                if len(children(self.process.pid)) >= args.workers:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        time.sleep(1)

    def workers(self) -> list[int]:
        return children(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def warm_up(port: int, paths: list[str]) -> None:
    """Each worker opens its database connection and fills its caches before measuring."""
    import http.client

    for _ in range(20):
        for path in paths:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", path)
            conn.getresponse().read()
            conn.close()


def pgbench(script: Path, clients: int, seconds: int) -> dict[str, Any]:
    command = [
        str(PGBIN / "pgbench"),
        "-n",
        f"--file={script}",
        f"--client={clients}",
        "--jobs=2",
        f"--time={seconds}",
        os.environ["DATABASE_URL"],
    ]
    env = os.environ
    started = time.monotonic()
    out = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"pgbench failed: {out.stderr[-2000:]}")
    tps = re.search(r"tps = ([\d.]+)", out.stdout)
    latency = re.search(r"latency average = ([\d.]+) ms", out.stdout)
    failed = re.search(r"number of failed transactions: (\d+)", out.stdout)
    return {
        "tps": float(tps.group(1)) if tps else 0.0,
        "latency_ms": float(latency.group(1)) if latency else 0.0,
        "failed": int(failed.group(1)) if failed else 0,
        "wall": time.monotonic() - started,
    }


def client(mode: str, port: int, clients: int, count: int, seconds: float, *extra: str) -> Any:
    command = [
        PY,
        str(ROOT / "bench" / "lib" / "rush_client.py"),
        mode,
        f"--port={port}",
        f"--clients={clients}",
        f"--count={count}",
        f"--seconds={seconds}",
        *extra,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the scenarios -----------------------------------------------------------------------------


def measured(gunicorn: Gunicorn, postmaster: int | None, action: Any) -> dict[str, Any]:
    sampler = LockSampler()
    sampler.start()
    before_app = tree_cpu(gunicorn.process.pid)
    before_db = tree_cpu(postmaster) if postmaster else 0.0
    load_before = load_average()
    result = action()
    after_app = tree_cpu(gunicorn.process.pid)
    after_db = tree_cpu(postmaster) if postmaster else 0.0
    sampler.stop.set()
    sampler.join()
    return {
        "result": result,
        "app_cpu_s": after_app - before_app,
        "db_cpu_s": after_db - before_db,
        "worker_rss_mb": [round(rss_mb(pid), 1) for pid in gunicorn.workers()],
        "locks": sampler.result(),
        "load_before": load_before,
        "load_after": load_average(),
    }


def rush(
    args: argparse.Namespace,
    env: dict[str, str],
    info_path: Path,
    clients: int,
    work: Path,
    popular_share: float = rush_check.POPULAR_SHARE,
) -> dict[str, Any]:
    django("reset", env=env)
    gunicorn = Gunicorn(args, env)
    try:
        warm_up(gunicorn.port, [f"/{args.edition}/tilmelding/"])
        out = work / f"rush-{clients}-{popular_share}.jsonl"
        run_name = f"c{clients}-{int(time.time())}"
        m = measured(
            gunicorn,
            args.postmaster,
            lambda: client(
                "rush",
                gunicorn.port,
                clients,
                args.count,
                args.seconds,
                f"--info={info_path}",
                f"--run={run_name}",
                f"--out={out}",
                f"--popular-share={popular_share}",
            ),
        )
    finally:
        gunicorn.stop()
    results = [json.loads(line) for line in out.read_text().splitlines() if line]
    ok = [r for r in results if r.get("token")]
    flow = [r["finished"] - r["started"] for r in ok]
    post = [r["post_answered"] - r["post_sent"] for r in ok]
    wall = m["result"]["wall"]
    m["check"] = django("check", str(out), env=env)
    server_cpu = m["app_cpu_s"] + m["db_cpu_s"]
    return {
        "clients": clients,
        "popular_share": popular_share,
        "registrations": len(ok),
        "errors": len(results) - len(ok),
        "error_examples": [r.get("error") for r in results if not r.get("token")][:3],
        "per_s": len(ok) / wall if wall else 0.0,
        "flow_ms": {q: 1000 * rush_check.percentile(flow, q) for q in (50, 95, 99)},
        "post_ms": {q: 1000 * rush_check.percentile(post, q) for q in (50, 95, 99)},
        "cpu_ms_per_registration": 1000 * server_cpu / max(len(ok), 1),
        "app_cpu_ms_per_registration": 1000 * m["app_cpu_s"] / max(len(ok), 1),
        "db_cpu_ms_per_registration": 1000 * m["db_cpu_s"] / max(len(ok), 1),
        "client_cpu_s": m["result"]["client_cpu_s"],
        "wall_s": wall,
        **{k: m[k] for k in ("worker_rss_mb", "locks", "load_before", "load_after", "check")},
    }


def crowd(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    django("reset", env=env)
    gunicorn = Gunicorn(args, env)
    paths = [f"/{args.edition}/program/", f"/{args.edition}/tilmelding/"]
    try:
        warm_up(gunicorn.port, paths)
        m = measured(
            gunicorn,
            args.postmaster,
            lambda: client(
                "crowd",
                gunicorn.port,
                args.crowd_clients,
                args.crowd_count,
                args.crowd_seconds,
                "--paths",
                *paths,
            ),
        )
    finally:
        gunicorn.stop()
    result = m.pop("result")
    requests = sum(p["requests"] - p["errors"] for p in result["paths"].values())
    server_cpu = m["app_cpu_s"] + m["db_cpu_s"]
    return {
        **result,
        "clients": args.crowd_clients,
        "cpu_ms_per_request": 1000 * server_cpu / max(requests, 1),
        **{k: m[k] for k in ("worker_rss_mb", "load_before", "load_after")},
    }


def report(summary: dict[str, Any]) -> None:
    limit = summary["pgbench"]
    print()
    print(f"Machine: {os.cpu_count()} cores; {summary['setup']}")
    for row in summary["rushes"]:
        tps = limit[str(row["clients"])]["tps"]
        spread = "" if row["popular_share"] else ", choices spread over all sessions"
        print(
            f"\nRush, {row['clients']} clients{spread}: {row['registrations']} registrations, "
            f"{row['errors']} errors, {row['per_s']:.0f}/s "
            f"({100 * row['per_s'] / tps:.0f} % of pgbench's {tps:.0f}/s at "
            f"{row['clients']} clients)"
        )
        print(
            "  full path (form, POST, confirmation) p50/p95/p99: "
            + "/".join(f"{row['flow_ms'][q]:.0f}" for q in (50, 95, 99))
            + " ms; POST alone: "
            + "/".join(f"{row['post_ms'][q]:.0f}" for q in (50, 95, 99))
            + " ms"
        )
        print(
            f"  server CPU per registration: {row['cpu_ms_per_registration']:.1f} ms "
            f"(gunicorn {row['app_cpu_ms_per_registration']:.1f} + PostgreSQL "
            f"{row['db_cpu_ms_per_registration']:.1f}); client CPU {row['client_cpu_s']:.1f} s "
            f"in {row['wall_s']:.1f} s"
        )
        locks = row["locks"]
        print(
            f"  lock waits: {locks['mean_waiting']:.1f} backends on average "
            f"({locks['mean_waiting_on_seats']:.1f} on seat counters), at most "
            f"{locks['max_waiting']}; worker RSS MB {row['worker_rss_mb']}; "
            f"load {row['load_before']} -> {row['load_after']}"
        )
        check = row["check"]
        print(
            f"  database check: {'OK' if check['ok'] else 'FAILED'}; "
            f"confirmed {check['confirmed_by_session']}, waiting {check['waiting_by_session']}, "
            f"{check['happens_before_pairs_checked']} happens-before pairs checked; "
            f"{check['saved_after_client_gave_up']} saved after their client gave up"
            + "".join(f"\n    ! {p}" for p in check["problems"])
        )
        if row["error_examples"]:
            print(f"  errors, e.g.: {row['error_examples']}")
    c = summary.get("crowd")
    if c:
        print(
            f"\nCrowd, {c['clients']} clients: {c['requests_per_s']:.0f} requests/s, "
            f"server CPU {c['cpu_ms_per_request']:.2f} ms per request, client CPU "
            f"{c['client_cpu_s']:.1f} s in {c['wall']:.1f} s; worker RSS MB {c['worker_rss_mb']}; "
            f"load {c['load_before']} -> {c['load_after']}"
        )
        for path, p in c["paths"].items():
            print(
                f"  {path}: {p['requests']} requests, {p['errors']} errors, p50/p95/p99 "
                f"{p['p50_ms']:.1f}/{p['p95_ms']:.1f}/{p['p99_ms']:.1f} ms"
            )
    print("\npgbench limit (same SQL, same concurrency):")
    for clients, row in limit.items():
        locks = row.get("locks", {})
        print(
            f"  {clients} clients: {row['tps']:.0f} registrations/s, "
            f"latency {row['latency_ms']:.1f} ms, {row['failed']} failed; PostgreSQL CPU "
            f"{row.get('db_cpu_ms_per_registration', float('nan')):.1f} ms per registration; "
            f"lock waits {locks.get('mean_waiting', float('nan')):.1f} backends on average "
            f"({locks.get('mean_waiting_on_seats', float('nan')):.1f} on seat counters); "
            f"load {row.get('load', '?')}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000, help="registrations per rush")
    parser.add_argument("--clients", type=int, nargs="+", default=[64, 256])
    parser.add_argument("--seconds", type=float, default=120, help="time bound of each load")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pgbench-seconds", type=int, default=10)
    parser.add_argument("--crowd-clients", type=int, default=64)
    parser.add_argument("--crowd-count", type=int, default=30000)
    parser.add_argument("--crowd-seconds", type=float, default=20)
    parser.add_argument(
        "--skip", nargs="*", default=[], choices=["pgbench", "rush", "spread", "crowd"]
    )
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--work", help="reuse this directory (static files, data) and keep it")
    args = parser.parse_args()
    args.edition = "demo"
    args.threads_per_worker = args.threads if args.worker_class == "gthread" else 1

    work = Path(args.work or tempfile.mkdtemp(prefix="rush-"))
    env = server_env(
        "rush",
        work,
        CONN_MAX_AGE=os.environ.get("CONN_MAX_AGE", "600"),
        # Bots held off as in production (forsamling.core.abuse), with the rate limits raised
        # for one address and one e-mail domain: every client here is 127.0.0.1 and
        # @example.org. The counters are still counted (the same upsert per registration).
        **CHEAP_PROOF_OF_WORK,
        # The confirmation e-mail is rendered and recorded as in production; only the SMTP
        # hand-over is left out (no mail server here).
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    try:
        log(f"load average {load_average()}; migrate, collectstatic into {work}")
        (work / "var").mkdir(exist_ok=True)
        manage = [PY, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True)
        if not (work / "static" / "staticfiles.json").exists():
            subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True)
        info = django("setup", env=env)
        info_path = work / "info.json"
        info_path.write_text(json.dumps(info))
        args.postmaster = postmaster_pid()
        summary: dict[str, Any] = {
            "setup": (
                f"gunicorn {args.workers} × {args.worker_class}"
                + (f" ({args.threads} threads)" if args.worker_class == "gthread" else "")
                + f", CONN_MAX_AGE={env['CONN_MAX_AGE']}, PostgreSQL with fsync and "
                "synchronous_commit on, same machine"
            ),
            "pgbench": {},
            "rushes": [],
        }
        script = work / "registration.sql"
        captured = django("capture", str(script), env=env)
        log(f"captured {captured['statements']} statements into {script}")
        if "pgbench" not in args.skip:
            # Also at gunicorn's own concurrency: it never has more transactions open at once.
            for clients in sorted({*args.clients, args.workers * args.threads_per_worker}):
                log(f"pgbench, {clients} clients, {args.pgbench_seconds} s")
                sampler = LockSampler()
                sampler.start()
                before_db = tree_cpu(args.postmaster) if args.postmaster else 0.0
                row = pgbench(script, clients, args.pgbench_seconds)
                after_db = tree_cpu(args.postmaster) if args.postmaster else 0.0
                sampler.stop.set()
                sampler.join()
                row["locks"] = sampler.result()
                row["db_cpu_ms_per_registration"] = (
                    1000 * (after_db - before_db) / max(row["tps"] * args.pgbench_seconds, 1)
                )
                row["load"] = load_average()
                summary["pgbench"][str(clients)] = row
                django("reset", env=env)
        else:
            summary["pgbench"] = {
                str(c): {"tps": float("nan"), "latency_ms": 0, "failed": 0} for c in args.clients
            }
        if "rush" not in args.skip:
            for clients in args.clients:
                log(f"rush, {args.count} registrations over {clients} clients")
                summary["rushes"].append(rush(args, env, info_path, clients, work))
        if "spread" not in args.skip:
            # The same rush without a hot session: if the popular sessions' counters limited
            # the application, this one would be faster.
            clients = args.clients[0]
            log(f"rush, {args.count} registrations over {clients} clients, choices spread")
            summary["rushes"].append(rush(args, env, info_path, clients, work, popular_share=0))
        if "crowd" not in args.skip:
            log(f"crowd, {args.crowd_clients} clients")
            summary["crowd"] = crowd(args, env)
        report(summary)
        if args.json:
            Path(args.json).write_text(json.dumps(summary, indent=2))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept {work}")


if __name__ == "__main__":
    main()
