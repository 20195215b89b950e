"""Several gunicorn workers, one set of request metrics: with PROMETHEUS_MULTIPROC_DIR each
process writes its counts to files there, and a scrape in any process adds them all up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from prometheus_client.parser import text_string_to_metric_families

from forsamling.ops.gunicorn_conf import child_exit

ROOT = Path(__file__).resolve().parents[2]

SERVE = """
import django
django.setup()
from django.test import Client
client = Client()
for _ in range({n}):
    assert client.get("/healthz").status_code == 200
"""
SCRAPE = """
import sys, django
django.setup()
from forsamling.ops.metrics import exposition
sys.stdout.write(exposition().decode())
"""


def run(code: str, env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout


@pytest.mark.slow
def test_a_scrape_adds_up_the_requests_of_every_worker(tmp_path):
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "FORSAMLING_VAR_DIR": str(tmp_path),  # an empty database: no business numbers
    }
    env.pop("DATABASE_URL", None)
    run(SERVE.format(n=3), env)  # one worker
    run(SERVE.format(n=4), env)  # another
    text = run(SCRAPE, env)  # a third answers the scrape
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
    healthz = (("method", "GET"), ("route", "ops:healthz"), ("status", "200"))
    assert samples[("forsamling_http_requests_total", healthz)] == 7
    assert samples[("forsamling_database_up", ())] == 0


def test_gunicorns_child_exit_removes_a_dead_workers_live_gauges(tmp_path, monkeypatch):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    for name in ("gauge_livesum_4242.db", "gauge_livesum_4343.db", "counter_4242.db"):
        (tmp_path / name).write_bytes(b"")
    child_exit(server=None, worker=SimpleNamespace(pid=4242))  # gunicorn's Worker has .pid
    left = sorted(path.name for path in tmp_path.iterdir())
    assert left == ["counter_4242.db", "gauge_livesum_4343.db"]  # its counts stay counted
