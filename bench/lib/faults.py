"""The rush under faults: a gunicorn worker and the mail worker killed, PostgreSQL restarted,
the mail server down. Started by `bench/run-faults`.

Each scenario starts from no registrations, runs gunicorn, `manage.py db_worker` (restarted
whenever it exits, as systemd would) and a mail server (aiosmtpd in a subprocess), sends the
rush through loopback while the fault happens, waits for the outbox to drain, and checks:
no session over capacity, counters equal confirmed choices, every confirmed client has its
row, no e-mail registered twice (rush_check.check), and every confirmation queued delivered
once (twice allowed only for a message whose worker was killed between sending and marking).
Everything runs on 127.0.0.1; every load is bounded in count and time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.lib import rush as r  # noqa: E402

SCENARIOS = ["worker-killed", "postgres-restarted", "mail-down"]


class MailServer:
    def __init__(self, log: Path) -> None:
        self.port = r.free_port()
        self.log = log
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [r.PY, str(ROOT / "bench" / "lib" / "fault_smtp.py"), str(self.port), str(self.log)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.process.stdout.readline()  # "ready"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def received(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text().splitlines() if line]


class MailWorker:
    """`manage.py db_worker`, restarted a second after it exits (killed, or its database gone)."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._supervise, daemon=True)

    def _spawn(self) -> None:
        self.process = subprocess.Popen(
            [r.PY, str(ROOT / "manage.py"), "db_worker", "--interval=0.2", "--no-startup-delay"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def _supervise(self) -> None:
        while not self.stopping.is_set():
            assert self.process is not None
            if self.process.poll() is not None:
                time.sleep(1)
                if not self.stopping.is_set():
                    self.restarts += 1
                    self._spawn()
            time.sleep(0.2)

    def start(self) -> None:
        self._spawn()
        self.thread.start()

    def kill(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def restart_postgres() -> float:
    """`pg_ctl restart -m fast` of the benchmark's own cluster; returns the seconds it took."""
    data = Path(os.environ["PGHOST"]) / "data"
    log = Path(os.environ["PGHOST"]) / "log"
    command = [str(r.PGBIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-m", "fast", "-w"]
    command.append("restart")
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    started = time.monotonic()
    # No pipes: the new postmaster would hold them open, and the wait would never end.
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def outbox_state() -> dict[str, Any]:
    with r.pg_connect() as conn:
        statuses = dict(
            conn.execute(
                """SELECT m.status, count(*) FROM registration_sentmessage m
                   JOIN conferences_edition e ON e.id = m.edition_id
                   WHERE e.slug = 'demo' GROUP BY m.status"""
            ).fetchall()
        )
        tasks = dict(
            conn.execute(
                """SELECT status, count(*) FROM django_tasks_database_dbtaskresult
                   WHERE task_path LIKE '%%deliver_email' OR task_path LIKE '%%send_message'
                   GROUP BY status"""
            ).fetchall()
        )
        registrations = conn.execute(
            """SELECT count(*) FROM registration_registration r
               JOIN conferences_edition e ON e.id = r.edition_id WHERE e.slug = 'demo'"""
        ).fetchone()[0]
        emails = [
            row[0]
            for row in conn.execute(
                """SELECT r.email FROM registration_registration r
                   JOIN conferences_edition e ON e.id = r.edition_id WHERE e.slug = 'demo'"""
            )
        ]
    return {"messages": statuses, "tasks": tasks, "registrations": registrations, "emails": emails}


def drained(state: dict[str, Any]) -> bool:
    pending = state["tasks"].get("READY", 0) + state["tasks"].get("RUNNING", 0)
    waiting = state["messages"].get("waiting", 0)
    sent = state["messages"].get("sent", 0) + state["messages"].get("failed", 0)
    return pending == 0 and waiting == 0 and sent >= state["registrations"]


def seen(results: list[dict[str, Any]]) -> dict[str, int]:
    """What the clients saw: confirmed, or the kind of error (status or exception)."""
    kinds: Counter[str] = Counter()
    for result in results:
        if result.get("token"):
            kinds["confirmed"] += 1
        else:
            error = str(result.get("error", "?"))
            kinds[" ".join(error.split()[:2]).rstrip(":")] += 1
    return dict(kinds.most_common())


def scenario(name: str, args: argparse.Namespace, env: dict[str, str], work: Path) -> Any:
    r.django("reset", env=env)
    with r.pg_connect() as conn:  # the demo edition's mail is kept, not sent: send it here
        conn.execute("UPDATE conferences_edition SET is_demo = false WHERE slug = 'demo'")
    log_path = work / f"smtp-{name}.jsonl"
    log_path.unlink(missing_ok=True)
    mail = MailServer(log_path)
    env = {**env, "EMAIL_PORT": str(mail.port)}
    if name != "mail-down":
        mail.start()
    gunicorn = r.Gunicorn(args, env)
    worker = MailWorker(env)
    worker.start()
    events: list[str] = []
    try:
        r.warm_up(gunicorn.port, [f"/{args.edition}/tilmelding/"])
        out = work / f"faults-{name}.jsonl"

        def fault() -> None:
            time.sleep(args.fault_after)
            if name == "worker-killed":
                victim = gunicorn.workers()[0]
                os.kill(victim, signal.SIGKILL)
                worker.kill()
                events.append(
                    f"{time.strftime('%H:%M:%S')} killed gunicorn worker {victim} "
                    "and the mail worker (SIGKILL)"
                )
            elif name == "postgres-restarted":
                took = restart_postgres()
                events.append(f"{time.strftime('%H:%M:%S')} PostgreSQL restarted ({took:.1f} s)")

        injector = threading.Thread(target=fault, daemon=True)
        started = time.monotonic()
        injector.start()
        rush = r.client(
            "rush", gunicorn.port, args.clients, args.count, args.seconds,
            f"--info={work / 'info.json'}", f"--run={name}-{int(time.time())}", f"--out={out}",
        )  # fmt: skip
        injector.join()
        if name == "mail-down":
            left = args.mail_down - (time.monotonic() - started)
            events.append(f"mail server down for {args.mail_down:.0f} s from the rush's start")
            time.sleep(max(left, 0))
            mail.start()
            events.append(f"{time.strftime('%H:%M:%S')} mail server up")
        recovered_at = time.monotonic()
        deadline = recovered_at + args.drain_seconds
        state = outbox_state()
        while not drained(state) and time.monotonic() < deadline:
            time.sleep(1)
            state = outbox_state()
        drain_s = time.monotonic() - recovered_at
    finally:
        worker.stop()
        gunicorn.stop()
        mail.stop()
    results = [json.loads(line) for line in out.read_text().splitlines() if line]
    check = r.django("check", str(out), env=env)
    received = Counter(address for line in mail.received() for address in line["to"])
    emails = set(state["emails"])
    missing = [e for e in emails if received[e] == 0]
    twice = [e for e in emails if received[e] > 1]
    strangers = [e for e in received if e not in emails]
    mail_ok = (
        drained(state)
        and not missing
        and not strangers
        and (not twice or (name == "worker-killed" and len(twice) <= 1))
    )
    return {
        "scenario": name,
        "events": events,
        "clients_saw": seen(results),
        "rush_wall_s": rush["wall"],
        "check": check,
        "registrations": state["registrations"],
        "messages": state["messages"],
        "tasks_left": state["tasks"],
        "delivered": sum(received.values()),
        "missing": len(missing),
        "twice": len(twice),
        "strangers": len(strangers),
        "drain_s": drain_s,
        "mail_worker_restarts": worker.restarts,
        "mail_ok": mail_ok,
    }


# The share of the rush that must be confirmed to its client: a fault may fail the requests in
# flight (a killed worker's, those during PostgreSQL's restart), not the rush; a mail server
# that is down fails none.
SERVED = {"worker-killed": 0.9, "postgres-restarted": 0.9, "mail-down": 1.0}


def report(rows: list[dict[str, Any]], setup: str, count: int) -> bool:
    print(f"\nMachine: {os.cpu_count()} cores; {setup}")
    ok = True
    for row in rows:
        check = row["check"]
        served = check["confirmed_clients"] >= SERVED[row["scenario"]] * count
        fine = check["ok"] and row["mail_ok"] and served
        ok &= fine
        print(f"\n{row['scenario']}: {'OK' if fine else 'FAILED'}")
        for event in row["events"]:
            print(f"  {event}")
        print(
            f"  clients saw: {row['clients_saw']} (rush {row['rush_wall_s']:.1f} s); "
            f"confirmed at least {SERVED[row['scenario']]:.0%} of {count}: "
            f"{'OK' if served else 'FAILED'}"
        )
        print(
            f"  database: {check['registrations']} registrations, "
            f"{check['confirmed_clients']} confirmed to their client, "
            f"{check['saved_after_client_gave_up']} saved after their client gave up; "
            f"capacity, counters, rows, duplicates: {'OK' if check['ok'] else 'FAILED'}"
            + "".join(f"\n    ! {p}" for p in check["problems"])
        )
        print(
            f"  e-mail: {row['registrations']} confirmations queued, {row['delivered']} "
            f"delivered ({row['missing']} missing, {row['twice']} twice, {row['strangers']} "
            f"unknown); outbox {row['messages']}, tasks left {row['tasks_left']}; drained "
            f"{row['drain_s']:.0f} s after recovery; mail worker restarted "
            f"{row['mail_worker_restarts']} times: {'OK' if row['mail_ok'] else 'FAILED'}"
        )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", choices=SCENARIOS, default=SCENARIOS)
    parser.add_argument("--count", type=int, default=600, help="registrations per scenario")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=120, help="time bound of each rush")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--fault-after", type=float, default=1.5, help="seconds into the rush")
    parser.add_argument("--mail-down", type=float, default=60, help="seconds (e.g. 15 quick)")
    parser.add_argument("--drain-seconds", type=float, default=180, help="wait for the outbox")
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument(
        "--static",
        default=str(Path(tempfile.gettempdir()) / "forsamling-faults-static"),
        help="collected static files, kept between runs (collectstatic takes a while)",
    )
    args = parser.parse_args()
    args.edition = "demo"
    args.worker_class, args.threads = "sync", 1

    work = Path(tempfile.mkdtemp(prefix="faults-"))
    env = r.server_env(
        "fault",
        work,
        args.static,
        CONN_MAX_AGE="600",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_TIMEOUT="5",
        # Shortened so a run takes minutes: retries after 2, 4, 8 … s instead of 1, 5, 15 …
        # min; a task or claim of a killed worker is taken up again after 15 s, not 10 min.
        EMAIL_RETRY_PAUSES="2,4,8,15,30,30,30,30,30",
        EMAIL_RECOVERY_AFTER="15",
        EMAIL_RECOVERY_INTERVAL="3",
        # Bots held off as in the rush (bench/lib/rush.py): the proof of work on with a small
        # maximum, the rate limits raised for the one address and e-mail domain every client
        # here has (the counters are still counted).
        **r.CHEAP_PROOF_OF_WORK,
    )
    try:
        r.log(f"load average {r.load_average()}; migrate, collectstatic into {work}")
        (work / "var").mkdir(exist_ok=True)
        manage = [r.PY, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, check=True)
        # Always: kept files from an older checkout would lack newer ones (a page naming one
        # answers 500); unchanged files are not copied again.
        subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True)
        info = r.django("setup", env=env)
        (work / "info.json").write_text(json.dumps(info))
        rows = []
        for name in args.only:
            r.log(f"{name}: {args.count} registrations over {args.clients} clients")
            rows.append(scenario(name, args, env, work))
        setup = (
            f"gunicorn {args.workers} × sync, one db_worker, aiosmtpd, PostgreSQL 15 with fsync "
            f"on, same machine; {args.count} registrations over {args.clients} clients each"
        )
        ok = report(rows, setup, args.count)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
