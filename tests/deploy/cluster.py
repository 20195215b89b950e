"""A PostgreSQL 15 cluster of a test's own, to restart at will: the suite's database is shared
by every test, so a test that restarts PostgreSQL brings its own (as scripts/with-postgres does:
initdb and pg_ctl from the installed binaries, a unix socket in a temporary directory, no TCP).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Tests that bring their own cluster run once, in the suite's PostgreSQL run (scripts/test runs
# every test on SQLite and again on PostgreSQL), not again in the SQLite run.
in_the_postgresql_run = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="runs in the PostgreSQL run: scripts/with-postgres pytest tests/deploy",
)
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres() -> list[str]:
    """PostgreSQL refuses to run as root; as root the cluster belongs to `postgres`."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class Cluster:
    def __init__(self) -> None:
        # Short path: a unix socket's path may not exceed 107 bytes.
        self.dir = Path(tempfile.mkdtemp(prefix="fpgt."))
        self.dir.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self._pg("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                 "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        self.options = f"-k {self.dir} -c listen_addresses='' -c fsync=off"

    @property
    def url(self) -> str:
        return f"postgres://postgres@{urllib.parse.quote(str(self.dir), safe='')}/postgres"

    def _pg(self, program: str, *args: str) -> None:
        subprocess.run(
            [*_as_postgres(), str(PGBIN / program), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=60,
        )

    def start(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-w",
                 "-o", self.options, "start")  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # not running
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


def manage_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a `manage.py` process of production's settings on that database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_")) and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="forsamling.settings",
        DATABASE_URL=database_url,
        SECRET_KEY="test-only-secret-key-not-for-production-use-0123456789",
        DEBUG="0",
        **extra,
    )
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
