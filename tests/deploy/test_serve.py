"""`scripts/serve` end to end: the production-like stack (PostgreSQL, two gunicorns, the worker,
nginx with TLS in front) started by the one command, a participant registering through the
proxy over HTTPS, the confirmation e-mail arriving at a real SMTP server, and the stack
stopping cleanly on SIGTERM.

Without DATABASE_URL (the suite's SQLite run) the stack makes its own PostgreSQL cluster; with
it (the suite's PostgreSQL run) it uses a fresh database on that server: both paths of the
command run in CI.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path
from typing import Any

import psycopg
import pytest
import requests
from aiosmtpd.controller import Controller
from bench.lib import rush_check
from bench.lib.rush_client import solve_challenge

from tests.deploy.cluster import ROOT, free_port

# The stack is production's: it runs once, in the suite's PostgreSQL pass (the SQLite pass would
# only start the same stack again on a cluster of its own, two more minutes of CI).
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs once, in the suite's PostgreSQL pass",
    ),
]

# The collected static files are kept between runs (scripts/serve redoes them only when a
# source changed): compressing them all takes a minute of CPU.
STATIC_ROOT = ROOT / "var" / "test-staticfiles"

# An edition open for registration right away, made as an organiser makes one: the demo
# (`load_demo`) copied to a new edition, which is no demo (so its e-mails are sent), public,
# opened a minute ago, its programme published.
OPEN_EDITION = """
import json
from datetime import timedelta
from django.core.management import call_command
from django.utils import timezone
from bench.lib.rush_django import describe
from forsamling.conferences.models import Edition
from forsamling.programme.services import publish_programme
from forsamling.registration.copying import copy_edition

call_command("load_demo", stdout=open("/dev/null", "w"))
edition = copy_edition(source=Edition.objects.get(slug="demo"), slug="aaben")
edition.title = "Social- og Sundhedspolitisk Forum (åben)"
edition.is_demo = False
edition.is_public = True
edition.registration_opens_at = timezone.now() - timedelta(minutes=1)
edition.save()
publish_programme(edition=edition, comment="Udgivet")
print(json.dumps(describe(edition)))
"""


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Recorder:
    """aiosmtpd's handler: keeps every message it accepted."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Message]:
        return [message for message in self.messages if message["To"] == address]


class Stack:
    """scripts/serve running in a process of its own, in a temporary directory."""

    def __init__(self, base: Path, mail_port: int, database_url: str | None) -> None:
        self.base = base
        self.run_dir = base / "var" / "serve"
        self.https_port, self.http_port = free_port(), free_port()
        self.app_ports = [free_port(), free_port()]
        self.origin = f"https://localhost:{self.https_port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
        env.pop("DATABASE_URL", None)
        env.update(
            SERVE_INSTALL="0",
            FORSAMLING_VAR_DIR=str(base / "var"),
            STATIC_ROOT=str(STATIC_ROOT),
            SERVE_HTTPS_PORT=str(self.https_port),
            SERVE_HTTP_PORT=str(self.http_port),
            SERVE_APP_PORTS=" ".join(map(str, self.app_ports)),
            SERVE_GUNICORN_WORKERS="1",
            SERVE_POSTGRES_OPTIONS="-c fsync=off",  # a test's cluster; durable in production
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(mail_port),
            EMAIL_TIMEOUT="5",
            METRICS_TOKEN="metrics-token-for-the-test",
            # Each participant of the test solves a proof of work quickly.
            FORSAMLING_ALTCHA_MAX_NUMBER="2000",
        )
        if database_url:
            env["DATABASE_URL"] = database_url
        self.output = (base / "serve.out").open("w+")
        self.process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve")],
            env=env,
            cwd=ROOT,
            stdout=self.output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log(self) -> str:
        return (self.base / "serve.out").read_text()

    def wait_until_ready(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while "serve: ready" not in self.log():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"scripts/serve did not start:\n{self.log()[-5000:]}")
            time.sleep(0.5)

    @property
    def cert(self) -> str:
        return str(self.run_dir / "tls" / "cert.pem")

    def session(self) -> requests.Session:
        """A client that trusts the stack's self-signed certificate, and nothing else (no CA
        bundle or proxy from the environment)."""
        session = requests.Session()
        session.trust_env = False
        session.verify = self.cert
        return session

    def manage_shell(self, code: str) -> str:
        """`manage.py shell -c CODE` on the stack's database, with its settings (var/serve/env)."""
        command = f"set -a; . {shlex.quote(str(self.run_dir / 'env'))}; set +a; exec " + " ".join(
            shlex.quote(part)
            for part in [str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", code]
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
        done = subprocess.run(
            ["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def processes(self) -> list[str]:
        """Command lines of every process that belongs to the stack."""
        marks = [str(self.run_dir), *(f"127.0.0.1:{port}" for port in self.app_ports)]
        environment = f"FORSAMLING_VAR_DIR={self.base / 'var'}".encode()  # the worker too
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or entry.name == str(os.getpid()):
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
                environ = (entry / "environ").read_bytes().split(b"\0")
            except OSError:
                continue
            if any(mark in cmdline for mark in marks) or environment in environ:
                found.append(f"{entry.name}: {cmdline}")
        return found

    def ports(self) -> list[int]:
        return [self.https_port, self.http_port, *self.app_ports]

    def stop(self) -> int | None:
        """SIGTERM, as systemd or Ctrl-C would; the exit status, or None if it hung."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            return None
        finally:
            self.output.close()

    def kill(self) -> None:
        """Only after a failure: whatever is left of the stack."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        for line in self.processes():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(line.split(":", 1)[0]), signal.SIGKILL)
        self.process.wait()


@pytest.fixture(scope="module")
def mail_server() -> Any:
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield recorder, controller.port
    controller.stop()


@pytest.fixture(scope="module")
def database_url() -> Any:
    """A fresh database on the suite's PostgreSQL, when the suite runs on one."""
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        yield None
        return
    name = f"serve_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield _with_db(server, name)
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _with_db(url: str, name: str) -> str:
    """`url` with its database name replaced by `name`."""
    head, sep, query = url.partition("?")
    return head.rsplit("/", 1)[0] + "/" + name + sep + query


@pytest.fixture(scope="module")
def stack(mail_server: Any, database_url: str | None) -> Any:
    # A short path of its own (PostgreSQL's socket), readable by `postgres` when run as root.
    base = Path(tempfile.mkdtemp(prefix="fserve."))
    base.chmod(0o755)
    stack = Stack(base, mail_server[1], database_url)
    try:
        stack.wait_until_ready(420)  # the first run collects the static files
        stack.edition = json.loads(stack.manage_shell(OPEN_EDITION).strip().splitlines()[-1])
        yield stack
    finally:
        status = stack.stop()
        left, ports = stack.processes(), [p for p in stack.ports() if port_open(p)]
        if status is None or left:
            stack.kill()
        shutil.rmtree(base, ignore_errors=True)
    assert status == 0, stack.log()[-3000:]
    assert not left, left
    assert not ports, f"ports still open: {ports}"


def register(stack: Stack, session: requests.Session, index: int) -> dict[str, str]:
    """The browser's path: the form, the proof of work, the POST, the confirmation page."""
    info = stack.edition
    url = f"{stack.origin}/{info['edition']}/tilmelding/"
    form = session.get(url)
    assert form.status_code == 200, form.text[:500]
    fields = rush_check.registration_fields(info, index, "serve", popular_share=0)
    data = {**rush_check.form_tokens(form.text), **fields}
    data["altcha"] = solve_challenge(session.get(f"{stack.origin}/altcha/udfordring/").json())
    posted = session.post(url, data=data, headers={"Referer": url}, allow_redirects=False)
    assert posted.status_code == 302, posted.text[:3000]
    done = session.get(stack.origin + posted.headers["Location"])
    assert done.status_code == 200
    return fields


def wait_for_mail(recorder: Recorder, address: str, seconds: float) -> Message:
    deadline = time.monotonic() + seconds
    while not recorder.to(address):
        assert time.monotonic() < deadline, f"no e-mail to {address}"
        time.sleep(0.2)
    return recorder.to(address)[0]


def test_a_participant_registers_through_the_proxy_and_gets_the_confirmation_email(
    stack: Stack, mail_server: Any
):
    recorder, _port = mail_server
    session = stack.session()

    fields = register(stack, session, 1)
    message = wait_for_mail(recorder, fields["email"], 60)
    assert stack.origin in message.get_body(("plain",)).get_content()  # links to the site

    # TLS and HSTS from nginx; the application saw HTTPS (secure cookies, no redirect loop).
    home = session.get(stack.origin + "/")
    assert home.status_code == 200
    assert home.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert all(cookie.secure for cookie in session.cookies)
    # Static files from nginx, with far-future caching and HSTS too.
    css = re.search(r'href="(/static/[^"]+\.css)"', home.text)
    assert css is not None
    static = session.get(stack.origin + css.group(1))
    assert static.status_code == 200 and "immutable" in static.headers["Cache-Control"]
    assert "Strict-Transport-Security" in static.headers
    # Plain HTTP answers with a redirect to HTTPS.
    plain = session.get(f"http://127.0.0.1:{stack.http_port}/x/", allow_redirects=False)
    assert plain.status_code == 301 and plain.headers["Location"] == f"{stack.origin}/x/"
    # Both gunicorns served requests (nginx balances over them).
    for _ in range(4):
        assert session.get(stack.origin + "/").status_code == 200
    log = stack.log()
    assert "[web1]" in log and "[web2]" in log, log[-3000:]


@pytest.mark.skipif(
    importlib.util.find_spec("forsamling.ops") is None,
    reason="the health and metrics endpoints (forsamling.ops) are not in this branch",
)
def test_health_readiness_and_metrics_answer_through_the_proxy(stack: Stack, mail_server: Any):
    session = stack.session()
    assert session.get(stack.origin + "/healthz").status_code == 200
    ready = session.get(stack.origin + "/readyz")
    assert ready.status_code == 200, ready.text

    def registrations() -> float:
        answer = session.get(
            stack.origin + "/metrics",
            headers={"Authorization": "Bearer metrics-token-for-the-test"},
        )
        assert answer.status_code == 200
        # Every sample of the counter (or gauge), whatever its labels; not `_created`.
        counts = re.findall(
            r"^forsamling_registrations(?:_total)?(?:\{[^}]*\})?\s+(\S+)$", answer.text, re.M
        )
        assert counts, answer.text[:2000]
        return sum(float(count) for count in counts)

    before = registrations()
    register(stack, session, 2)
    assert registrations() > before
