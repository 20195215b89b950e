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

from bench.lib import rush_check, rush_stack  # noqa: E402
from bench.lib.bare import schema as bare_schema  # noqa: E402

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
    def __init__(
        self,
        args: argparse.Namespace,
        env: dict[str, str],
        app: str = "forsamling.wsgi",
        cwd: Path = ROOT / "src",
    ) -> None:
        self.port = free_port()
        command = [
            GUNICORN,
            app,
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
        self.process = subprocess.Popen(command, cwd=cwd, env=env)
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


def wait_for_port(port: int, process: subprocess.Popen[Any], what: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not start")


def private_directory(prefix: str) -> Path:
    """A directory of one run that nginx's and PgBouncer's unprivileged processes can read."""
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    directory.chmod(0o755)
    return directory


class Nginx:
    """Production's proxy (its site's proxy settings, bench/lib/rush_stack.nginx_conf) in front
    of several gunicorns, as scripts/serve runs it."""

    def __init__(self, app_ports: list[int]) -> None:
        self.port = free_port()
        self.directory = private_directory("rush-nginx-")
        (self.directory / "tmp").mkdir()
        (self.directory / "tmp").chmod(0o1777)  # its workers run as nobody when we are root
        conf = self.directory / "nginx.conf"
        conf.write_text(rush_stack.nginx_conf(self.directory, self.port, app_ports))
        command = ["/usr/sbin/nginx", "-e", "stderr", "-c", str(conf), "-p", str(self.directory)]
        subprocess.run([*command, "-t", "-q"], check=True)
        self.process = subprocess.Popen([*command, "-g", "daemon off;"])
        wait_for_port(self.port, self.process, "nginx")

    def stop(self) -> None:
        self.process.terminate()  # SIGTERM: nginx's fast shutdown
        self.process.wait(timeout=30)
        shutil.rmtree(self.directory, ignore_errors=True)


class PgBouncer:
    """PgBouncer in transaction mode in front of DATABASE_URL (rush_stack.pgbouncer_ini)."""

    def __init__(self, pool_size: int) -> None:
        self.port = free_port()
        self.directory = private_directory("rush-pgbouncer-")
        ini = self.directory / "pgbouncer.ini"
        ini.write_text(rush_stack.pgbouncer_ini(os.environ["DATABASE_URL"], self.port, pool_size))
        ini.chmod(0o644)
        # PgBouncer refuses to run as root; the cluster's own user then.
        as_user = ["-u", "postgres"] if os.geteuid() == 0 else []
        self.process = subprocess.Popen(["/usr/sbin/pgbouncer", "-q", *as_user, str(ini)])
        wait_for_port(self.port, self.process, "pgbouncer")
        self.url = rush_stack.pooled_url(os.environ["DATABASE_URL"], self.port)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.directory, ignore_errors=True)


class Stack:
    """What the clients talk to: one gunicorn, or `--app-servers` gunicorns behind nginx, with
    PgBouncer between them and PostgreSQL if `--pgbouncer`. `app` is the WSGI application
    (Forsamling's, or the bare endpoint's with cwd=ROOT)."""

    def __init__(
        self,
        args: argparse.Namespace,
        env: dict[str, str],
        app: str = "forsamling.wsgi",
        cwd: Path = ROOT / "src",
    ) -> None:
        self.pooler: PgBouncer | None = None
        self.proxy: Nginx | None = None
        self.apps: list[Gunicorn] = []
        try:
            if args.pgbouncer:
                self.pooler = PgBouncer(args.pgbouncer_pool)
                env = {**env, "DATABASE_URL": self.pooler.url, "DATABASE_POOLER": "transaction"}
            for _ in range(args.app_servers):
                self.apps.append(Gunicorn(args, env, app, cwd))
            if args.app_servers > 1:
                self.proxy = Nginx([a.port for a in self.apps])
        except BaseException:
            self.stop()
            raise
        self.port = self.proxy.port if self.proxy else self.apps[0].port

    def cpu(self) -> dict[str, float]:
        """CPU seconds so far of the gunicorns (masters and workers), nginx and PgBouncer."""
        return {
            "app": sum(tree_cpu(a.process.pid) for a in self.apps),
            "proxy": tree_cpu(self.proxy.process.pid) if self.proxy else 0.0,
            "pooler": tree_cpu(self.pooler.process.pid) if self.pooler else 0.0,
        }

    def workers(self) -> list[int]:
        return [pid for a in self.apps for pid in a.workers()]

    def stop(self) -> None:
        for part in [self.proxy, *reversed(self.apps), self.pooler]:
            if part is not None:
                part.stop()


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


def backends_gone(timeout: float = 10.0) -> None:
    """Waits until pgbench's backends have exited: the postmaster counts a backend's CPU only
    once it has reaped it, so reading it sooner misses some of the work."""
    deadline = time.monotonic() + timeout
    with pg_connect() as conn:
        while time.monotonic() < deadline:
            left = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgbench'"
            ).fetchone()[0]
            if not left:
                break
            time.sleep(0.05)
    time.sleep(0.2)  # the exit itself, after the backend left pg_stat_activity


def pgbench_measured(
    script: Path, clients: int, seconds: int, postmaster: int | None
) -> dict[str, Any]:
    """pgbench with PostgreSQL's CPU per transaction (a registration) and its lock waits."""
    sampler = LockSampler()
    sampler.start()
    before_db = tree_cpu(postmaster) if postmaster else 0.0
    row = pgbench(script, clients, seconds)
    backends_gone()
    after_db = tree_cpu(postmaster) if postmaster else 0.0
    sampler.stop.set()
    sampler.join()
    row["locks"] = sampler.result()
    row["db_cpu_ms_per_registration"] = 1000 * (after_db - before_db) / max(row["tps"] * seconds, 1)
    row["load"] = load_average()
    return row


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


def measured(stack: Stack, postmaster: int | None, action: Any) -> dict[str, Any]:
    sampler = LockSampler()
    sampler.start()
    before = stack.cpu()
    before_db = tree_cpu(postmaster) if postmaster else 0.0
    load_before = load_average()
    result = action()
    after = stack.cpu()
    after_db = tree_cpu(postmaster) if postmaster else 0.0
    sampler.stop.set()
    sampler.join()
    return {
        "result": result,
        "app_cpu_s": after["app"] - before["app"],
        "proxy_cpu_s": after["proxy"] - before["proxy"],
        "pooler_cpu_s": after["pooler"] - before["pooler"],
        "db_cpu_s": after_db - before_db,
        "worker_rss_mb": [round(rss_mb(pid), 1) for pid in stack.workers()],
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
    stack = Stack(args, env)
    try:
        warm_up(stack.port, [f"/{args.edition}/tilmelding/"])
        out = work / f"rush-{clients}-{popular_share}.jsonl"
        run_name = f"c{clients}-{int(time.time())}"
        m = measured(
            stack,
            args.postmaster,
            lambda: client(
                "rush",
                stack.port,
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
        stack.stop()
    return registrations(clients, popular_share, out, m, env)


def server_cpu_ms(m: dict[str, Any], count: int) -> dict[str, float]:
    """Server CPU per registration or request, in ms: in total and by part."""
    parts = {
        "app": m["app_cpu_s"],
        "proxy": m["proxy_cpu_s"],
        "pooler": m["pooler_cpu_s"],
        "db": m["db_cpu_s"],
    }
    per = {f"{k}_cpu_ms": 1000 * v / max(count, 1) for k, v in parts.items()}
    return {"cpu_ms": sum(per.values()), **per}


def registrations(
    clients: int, popular_share: float, out: Path, m: dict[str, Any], env: dict[str, str]
) -> dict[str, Any]:
    """The figures of a rush (or of the POSTs alone) and the database check."""
    results = [json.loads(line) for line in out.read_text().splitlines() if line]
    ok = [r for r in results if r.get("token")]
    flow = [r["finished"] - r["started"] for r in ok]
    post = [r["post_answered"] - r["post_sent"] for r in ok]
    wall = m["result"]["wall"]
    m["check"] = django("check", str(out), env=env)
    cpu = server_cpu_ms(m, len(ok))
    return {
        "clients": clients,
        "popular_share": popular_share,
        "registrations": len(ok),
        "errors": len(results) - len(ok),
        "error_examples": [r.get("error") for r in results if not r.get("token")][:3],
        "per_s": len(ok) / wall if wall else 0.0,
        "flow_ms": {q: 1000 * rush_check.percentile(flow, q) for q in (50, 95, 99)},
        "post_ms": {q: 1000 * rush_check.percentile(post, q) for q in (50, 95, 99)},
        "cpu_ms_per_registration": cpu["cpu_ms"],
        "app_cpu_ms_per_registration": cpu["app_cpu_ms"],
        "proxy_cpu_ms_per_registration": cpu["proxy_cpu_ms"],
        "pooler_cpu_ms_per_registration": cpu["pooler_cpu_ms"],
        "db_cpu_ms_per_registration": cpu["db_cpu_ms"],
        "client_cpu_s": m["result"]["client_cpu_s"],
        "wall_s": wall,
        **{k: m[k] for k in ("worker_rss_mb", "locks", "load_before", "load_after", "check")},
    }


def post_alone(
    args: argparse.Namespace, env: dict[str, str], info_path: Path, clients: int, work: Path
) -> dict[str, Any]:
    """The registration's POST alone: the forms and solved challenges are fetched first,
    unmeasured, then only the POSTs are sent (no confirmation page) and measured."""
    django("reset", env=env)
    stack = Stack(args, env)
    prepared = work / f"prepared-{clients}.jsonl"
    out = work / f"post-{clients}.jsonl"
    run_name = f"p{clients}-{int(time.time())}"
    common = [f"--info={info_path}", f"--run={run_name}"]
    try:
        warm_up(stack.port, [f"/{args.edition}/tilmelding/"])
        client(
            "prepare", stack.port, clients, args.count, args.seconds, *common, f"--out={prepared}"
        )
        m = measured(
            stack,
            args.postmaster,
            lambda: client(
                "post",
                stack.port,
                clients,
                args.count,
                args.seconds,
                *common,
                f"--prepared={prepared}",
                f"--out={out}",
            ),
        )
    finally:
        stack.stop()
    return registrations(clients, rush_check.POPULAR_SHARE, out, m, env)


def bare_tables(reset_only: bool = False) -> None:
    with pg_connect() as conn, conn.cursor() as cursor:
        if reset_only:
            bare_schema.reset(cursor)
        else:
            bare_schema.create(cursor, "postgresql")
        cursor.execute(f"VACUUM ANALYZE {bare_schema.ENTRY}")
        cursor.execute(f"VACUUM ANALYZE {bare_schema.COUNTER}")
        cursor.execute("CHECKPOINT")


def bare(args: argparse.Namespace, env: dict[str, str], clients: int, work: Path) -> dict[str, Any]:
    """The bare endpoint (bench/lib/bare) on the same set-up: same gunicorn(s), proxy, pooler
    and PostgreSQL, the same client code and concurrency; its own two tables."""
    bare_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.lib.bare.settings", "PYTHONPATH": str(ROOT)}
    bare_tables(reset_only=True)
    stack = Stack(args, bare_env, app="bench.lib.bare.wsgi", cwd=ROOT)
    out = work / f"bare-{clients}.jsonl"
    try:
        # Each worker opens its connection first; the warm-up's rows are then removed.
        client("bare", stack.port, 4, 20 * len(stack.workers()), 60, "--run=warm", f"--out={out}")
        bare_tables(reset_only=True)
        m = measured(
            stack,
            args.postmaster,
            lambda: client(
                "bare",
                stack.port,
                clients,
                args.bare_count,
                args.seconds,
                f"--run=b{clients}-{int(time.time())}",
                f"--out={out}",
            ),
        )
        empty = empty_requests(args, stack, clients)
    finally:
        stack.stop()
    results = [json.loads(line) for line in out.read_text().splitlines() if line]
    ok = [r for r in results if "entry" in r]
    with pg_connect() as conn, conn.cursor() as cursor:
        check = bare_schema.check(bare_schema.state(cursor), {r["email"]: r["entry"] for r in ok})
    latency = [r["latency"] for r in ok]
    wall = m["result"]["wall"]
    cpu = server_cpu_ms(m, len(ok))
    return {
        "clients": clients,
        "requests": len(ok),
        "errors": len(results) - len(ok),
        "error_examples": [r.get("error") for r in results if "entry" not in r][:3],
        "per_s": len(ok) / wall if wall else 0.0,
        "latency_ms": {q: 1000 * rush_check.percentile(latency, q) for q in (50, 95, 99)},
        "cpu_ms_per_request": cpu["cpu_ms"],
        **{f"{k}_per_request": v for k, v in cpu.items() if k != "cpu_ms"},
        "client_cpu_s": m["result"]["client_cpu_s"],
        "wall_s": wall,
        "check": check,
        "empty": empty,
        **{k: m[k] for k in ("worker_rss_mb", "locks", "load_before", "load_after")},
    }


def empty_requests(args: argparse.Namespace, stack: Stack, clients: int) -> dict[str, Any]:
    """The empty endpoint (bench/lib/bare: the same gunicorn and middleware, nothing to do) on
    the bare endpoint's stack, as many requests at the same concurrency: the floor under any
    one request (rush_check.floors)."""
    warm_up(stack.port, ["/empty/"])
    m = measured(
        stack,
        args.postmaster,
        lambda: client(
            "crowd", stack.port, clients, args.bare_count, args.seconds, "--paths", "/empty/"
        ),
    )
    result = m.pop("result")
    row = result["paths"]["/empty/"]
    requests = row["requests"] - row["errors"]
    cpu = server_cpu_ms(m, requests)
    return {
        "requests": requests,
        "errors": row["errors"],
        "per_s": result["requests_per_s"],
        "p99_ms": row["p99_ms"],
        "cpu_ms_per_request": cpu["cpu_ms"],
        **{f"{k}_per_request": v for k, v in cpu.items() if k != "cpu_ms"},
    }


def crowd(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    django("reset", env=env)
    stack = Stack(args, env)
    paths = [f"/{args.edition}/program/", f"/{args.edition}/tilmelding/"]
    try:
        warm_up(stack.port, paths)
        m = measured(
            stack,
            args.postmaster,
            lambda: client(
                "crowd",
                stack.port,
                args.crowd_clients,
                args.crowd_count,
                args.crowd_seconds,
                "--paths",
                *paths,
            ),
        )
    finally:
        stack.stop()
    result = m.pop("result")
    requests = sum(p["requests"] - p["errors"] for p in result["paths"].values())
    server_cpu = m["app_cpu_s"] + m["proxy_cpu_s"] + m["pooler_cpu_s"] + m["db_cpu_s"]
    return {
        **result,
        "clients": args.crowd_clients,
        "cpu_ms_per_request": 1000 * server_cpu / max(requests, 1),
        **{k: m[k] for k in ("worker_rss_mb", "load_before", "load_after")},
    }


PARTS = {"app": "gunicorn", "proxy": "nginx", "pooler": "PgBouncer", "db": "PostgreSQL"}


def cpu_parts(row: dict[str, Any], per: str) -> str:
    """'gunicorn a + nginx b + PgBouncer c + PostgreSQL d', the parts that ran."""
    return " + ".join(
        f"{PARTS[part]} {row[f'{part}_cpu_ms_per_{per}']:.1f}" for part in row["cpu_parts"]
    )


def p50_p95_p99(ms: dict[int, float]) -> str:
    """'a/b/c': the three percentiles of a latency in whole milliseconds."""
    return "/".join(f"{ms[q]:.0f}" for q in (50, 95, 99))


def database_check(check: dict[str, Any], details: str) -> str:
    """'database check: OK; `details`', then a line for each problem the check found."""
    return f"database check: {'OK' if check['ok'] else 'FAILED'}; {details}" + "".join(
        f"\n    ! {p}" for p in check["problems"]
    )


def print_error_examples(row: dict[str, Any]) -> None:
    if row["error_examples"]:
        print(f"  errors, e.g.: {row['error_examples']}")


def fmt_ratio(name: str, value: float | None, unit: str) -> str:
    if value is None:
        return f"not measured ({unit.strip()})"
    direction, target = rush_check.TARGETS[name]
    verdict = "met" if rush_check.meets(name, value) else "not met"
    return f"{value:.2f}{unit} (target {direction} {target}: {verdict})"


def report_issue_29(summary: dict[str, Any]) -> None:
    """The bare endpoint, the POST alone, and Forsamling's figures as ratios to them."""
    for clients, row in summary.get("bare", {}).items():
        check = row["check"]
        print(
            f"\nBare endpoint (bench/lib/bare: one conditional UPDATE, one INSERT, Django's "
            f"stock middleware), {clients} clients: {row['requests']} requests, "
            f"{row['errors']} errors, {row['per_s']:.0f}/s; p50/p95/p99 "
            f"{p50_p95_p99(row['latency_ms'])} ms\n  server CPU per request: "
            f"{row['cpu_ms_per_request']:.2f} ms ({cpu_parts(row, 'request')}); load "
            f"{row['load_before']} -> {row['load_after']}\n  "
            + database_check(
                check,
                f"{check['confirmed']} confirmed of {check['entries']}, counter {check['taken']}",
            )
        )
        print_error_examples(row)
        empty = row.get("empty")
        if empty:
            empty["cpu_parts"] = row["cpu_parts"]
            print(
                f"  the empty endpoint (the same stack, nothing to do), {clients} clients: "
                f"{empty['requests']} requests, {empty['errors']} errors, {empty['per_s']:.0f}/s"
                f"; server CPU per request {empty['cpu_ms_per_request']:.2f} ms "
                f"({cpu_parts(empty, 'request')})"
            )
    post = summary.get("post")
    if post:
        check = post["check"]
        print(
            f"\nPOST alone (form and solved challenge fetched first, unmeasured), "
            f"{post['clients']} clients: {post['registrations']} registrations, "
            f"{post['errors']} errors, {post['per_s']:.0f}/s; p50/p95/p99 "
            f"{p50_p95_p99(post['post_ms'])} ms\n  server CPU per registration: "
            f"{post['cpu_ms_per_registration']:.1f} ms ({cpu_parts(post, 'registration')}); "
            f"load {post['load_before']} -> {post['load_after']}\n  "
            + database_check(
                check, f"{check['happens_before_pairs_checked']} happens-before pairs checked"
            )
        )
        print_error_examples(post)
    ratios = summary["ratios"]
    print("\nRatios (issue 29; all from this run):")
    for row in ratios["rushes"]:
        spread = ", choices spread" if not row["popular_share"] else ""
        print(
            f"  rush, {row['clients']} clients{spread}: server CPU per registration "
            + fmt_ratio("full_path_cpu_vs_bare", row["full_path_cpu_vs_bare"], " × the bare's")
            + "; registrations/s "
            + fmt_ratio("rate_vs_pgbench_64", row["rate_vs_pgbench_64"], " of pgbench at 64")
        )
    if ratios["post"]:
        print(
            f"  POST alone, {ratios['post']['clients']} clients: server CPU per registration "
            + fmt_ratio("post_cpu_vs_bare", ratios["post"]["post_cpu_vs_bare"], " × the bare's")
        )
    floors = ratios.get("floors")
    if floors:
        print(
            "\nFloors (rush_check.floors; what no code on this stack goes under, from this run):\n"
            f"  one request doing nothing (bench/lib/bare's /empty/, the stock middleware): "
            f"{floors['empty_ms']:.2f} ms of server CPU; the bare endpoint {floors['bare_ms']:.2f}"
            f" ms\n  the registration's SQL as pgbench sends it at the app servers' concurrency "
            f"(their workers): PostgreSQL {floors['sql_ms']:.2f} ms for the whole path, "
            f"{floors['post_sql_ms']:.2f} ms for the POST's statements\n"
            f"  full path floor, 4 requests + its SQL: {floors['full_path_floor_ms_4']:.2f} ms = "
            f"{floors['full_path_floor_vs_bare_4']:.2f} × the bare's (3 requests: "
            f"{floors['full_path_floor_vs_bare_3']:.2f} ×; target ≤ 2.5)\n"
            f"  POST floor, 1 request + its SQL: {floors['post_floor_ms']:.2f} ms = "
            f"{floors['post_floor_vs_bare']:.2f} × the bare's (target ≤ 1.5)"
        )


def report(summary: dict[str, Any]) -> None:
    limit = summary["pgbench"]
    parts = ["app"] + ["proxy"] * (summary["app_servers"] > 1) + ["pooler"] * summary["pgbouncer"]
    for row in [*summary["rushes"], *summary.get("bare", {}).values(), summary.get("post")]:
        if row:
            row["cpu_parts"] = [*parts, "db"]
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
            f"  full path (form, POST, confirmation) p50/p95/p99: {p50_p95_p99(row['flow_ms'])} "
            f"ms; POST alone: {p50_p95_p99(row['post_ms'])} ms"
        )
        print(
            f"  server CPU per registration: {row['cpu_ms_per_registration']:.1f} ms "
            f"({cpu_parts(row, 'registration')}); client CPU {row['client_cpu_s']:.1f} s "
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
            "  "
            + database_check(
                check,
                f"confirmed {check['confirmed_by_session']}, waiting "
                f"{check['waiting_by_session']}, {check['happens_before_pairs_checked']} "
                f"happens-before pairs checked; {check['saved_after_client_gave_up']} saved "
                "after their client gave up",
            )
        )
        print_error_examples(row)
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
    report_issue_29(summary)
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
        "--bare-count", type=int, help="requests to the bare endpoint (default 3 × --count)"
    )
    parser.add_argument(
        "--app-servers",
        type=int,
        default=1,
        help="gunicorns of --workers each; more than one: behind nginx, as in production",
    )
    parser.add_argument(
        "--pgbouncer", action="store_true", help="PgBouncer (transaction mode) before PostgreSQL"
    )
    parser.add_argument("--pgbouncer-pool", type=int, default=8, help="its server connections")
    parser.add_argument(
        "--skip",
        nargs="*",
        default=[],
        choices=["pgbench", "rush", "spread", "crowd", "bare", "post"],
    )
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--work", help="reuse this directory (static files, data) and keep it")
    args = parser.parse_args()
    args.edition = "demo"
    args.threads_per_worker = args.threads if args.worker_class == "gthread" else 1
    args.bare_count = args.bare_count or 3 * args.count

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
        bare_tables()
        summary: dict[str, Any] = {
            "setup": (
                (f"{args.app_servers} × " if args.app_servers > 1 else "")
                + f"gunicorn {args.workers} × {args.worker_class}"
                + (f" ({args.threads} threads)" if args.worker_class == "gthread" else "")
                + (" behind nginx" if args.app_servers > 1 else "")
                + (
                    f", PgBouncer (transaction mode, pool of {args.pgbouncer_pool})"
                    if args.pgbouncer
                    else ""
                )
                + f", CONN_MAX_AGE={env['CONN_MAX_AGE']}, PostgreSQL with fsync and "
                "synchronous_commit on, same machine"
            ),
            "app_servers": args.app_servers,
            "pgbouncer": args.pgbouncer,
            "pgbench": {},
            "rushes": [],
        }
        script = work / "registration.sql"
        captured = django("capture", str(script), env=env)
        log(f"captured {captured['statements']} statements into {script}")
        if "pgbench" not in args.skip:
            # Also at gunicorn's own concurrency: it never has more transactions open at once.
            concurrency = args.workers * args.threads_per_worker * args.app_servers
            for clients in sorted({*args.clients, concurrency}):
                log(f"pgbench, {clients} clients, {args.pgbench_seconds} s")
                summary["pgbench"][str(clients)] = pgbench_measured(
                    script, clients, args.pgbench_seconds, args.postmaster
                )
                django("reset", env=env)
            # At the application's own concurrency: what PostgreSQL sees from the app servers.
            clients = args.workers * args.threads_per_worker * args.app_servers
            log(f"pgbench, the POST's statements alone, {clients} clients")
            summary["pgbench_post"] = pgbench_measured(
                Path(captured["post_script"]), clients, args.pgbench_seconds, args.postmaster
            )
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
        if "bare" not in args.skip:
            summary["bare"] = {}
            for clients in args.clients:
                log(f"bare endpoint, {args.bare_count} requests over {clients} clients")
                summary["bare"][str(clients)] = bare(args, env, clients, work)
        if "post" not in args.skip:
            clients = args.clients[0]
            log(f"POST alone, {args.count} registrations over {clients} clients")
            summary["post"] = post_alone(args, env, info_path, clients, work)
        if "crowd" not in args.skip:
            log(f"crowd, {args.crowd_clients} clients")
            summary["crowd"] = crowd(args, env)
        summary["ratios"] = rush_check.ratios(
            summary["rushes"], summary.get("post"), summary.get("bare", {}), summary["pgbench"]
        )
        # The SQL's cost at the concurrency PostgreSQL sees from the app servers' workers.
        concurrency = str(args.workers * args.threads_per_worker * args.app_servers)
        summary["ratios"]["floors"] = rush_check.floors(
            summary.get("bare", {}).get(str(args.clients[0])),
            summary["pgbench"].get(concurrency),
            summary.get("pgbench_post"),
        )
        report(summary)
        if args.json:
            Path(args.json).write_text(json.dumps(summary, indent=2, default=str))
        checks = [r["check"]["ok"] for r in summary["rushes"]]
        checks += [b["check"]["ok"] for b in summary.get("bare", {}).values()]
        checks += [summary["post"]["check"]["ok"]] if summary.get("post") else []
        if not all(checks):
            log("a database check FAILED (see above)")
            sys.exit(1)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept {work}")


if __name__ == "__main__":
    main()
