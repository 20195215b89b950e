"""The container's entrypoint (deploy/entrypoint.sh), run outside a container: no container
engine runs on the CI machine. A web server and a worker start at once on an empty database,
as compose starts them; both migrate (one at a time, under an advisory lock), then serve."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.deploy.cluster import ROOT, free_port, in_the_postgresql_run, manage_env

pytestmark = [pytest.mark.slow, in_the_postgresql_run]

ENTRYPOINT = ROOT / "deploy" / "entrypoint.sh"


def test_web_and_worker_start_together_on_an_empty_database(cluster, tmp_path: Path):
    port = free_port()
    env = manage_env(
        cluster.url,
        PORT=str(port),
        GUNICORN_WORKERS="1",
        BEHIND_TLS_PROXY="1",
        ALLOWED_HOSTS="forum.example.org",
        STATIC_ROOT=str(tmp_path / "static"),  # not collected: the test asks for no page
        FORSAMLING_VAR_DIR=str(tmp_path / "var"),
    )
    logs = {name: (tmp_path / f"{name}.log").open("w+") for name in ("web", "worker")}
    processes = {
        name: subprocess.Popen(
            [str(ENTRYPOINT), name], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        for name, log in logs.items()
    }

    def text(name: str) -> str:
        return (tmp_path / f"{name}.log").read_text()

    try:
        deadline = time.monotonic() + 150
        answer = None
        while answer is None:
            assert time.monotonic() < deadline, text("web") + text("worker")
            assert processes["web"].poll() is None, text("web")
            try:
                answer = requests.get(
                    f"http://127.0.0.1:{port}/altcha/udfordring/",  # JSON, no template
                    headers={"Host": "forum.example.org", "X-Forwarded-Proto": "https"},
                    timeout=10,
                    allow_redirects=False,
                )
            except requests.ConnectionError:
                time.sleep(0.5)
        assert answer.status_code == 200, answer.text[:2000]
        assert answer.json()["algorithm"] == "SHA-256"
        assert answer.headers["Strict-Transport-Security"].startswith("max-age=")
        while "Starting worker" not in text("worker"):
            assert time.monotonic() < deadline, text("worker")
            assert processes["worker"].poll() is None, text("worker")
            time.sleep(0.5)
        # One of them migrated, the other found nothing left to do.
        applied = [name for name in ("web", "worker") if "Applying " in text(name)]
        assert len(applied) == 1, text("web") + text("worker")

        for process in processes.values():
            process.send_signal(signal.SIGTERM)
        assert processes["web"].wait(timeout=30) == 0, text("web")
        assert processes["worker"].wait(timeout=30) == 0, text("worker")
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()
        for log in logs.values():
            log.close()
