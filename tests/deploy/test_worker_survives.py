"""The background worker outlives a PostgreSQL restart: it waits for the database and then
runs what was queued meanwhile (`manage.py db_worker`, forsamling.core.worker)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.deploy.cluster import ROOT, in_the_postgresql_run, manage, manage_env

pytestmark = [pytest.mark.slow, in_the_postgresql_run]

QUEUE_MESSAGE = """
from forsamling.outbox.sending import queue
queue(to="mette@aalborg.dk", subject="Efter genstarten", body="Hej", edition=None)
"""


def wait_for(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.2)


def test_the_worker_waits_out_a_postgresql_restart_and_then_sends_the_queued_email(
    cluster, tmp_path: Path
):
    mail_dir = tmp_path / "mail"
    env = manage_env(
        cluster.url,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail_dir),
        LOG_LEVEL="INFO",
    )
    manage(env, "migrate", "--no-input", "-v0", "outbox")
    manage(env, "migrate", "--no-input", "-v0", "django_tasks_database")
    log = (tmp_path / "worker.log").open("w+")
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "db_worker", "--interval", "0.2",
         "--no-startup-delay", "--no-reload"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for(lambda: "Starting worker" in Path(log.name).read_text(), 30, "the worker")
        cluster.stop("fast")
        # The worker polls five times a second: it meets the database away many times.
        wait_for(lambda: "database is away" in Path(log.name).read_text(), 20, "the outage")
        time.sleep(2)
        cluster.start()
        assert worker.poll() is None, Path(log.name).read_text()

        manage(env, "shell", "-c", QUEUE_MESSAGE)
        wait_for(lambda: mail_dir.exists() and any(mail_dir.iterdir()), 30, "the e-mail")
        sent = next(mail_dir.iterdir()).read_text()
        assert "Subject: Efter genstarten" in sent and "To: mette@aalborg.dk" in sent
        assert "The database answers again" in Path(log.name).read_text()
        assert worker.poll() is None

        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=15) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        log.close()
