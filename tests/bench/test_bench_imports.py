"""The benchmarks import the application's modules directly; a model moved between apps must
not break them unnoticed (they run only by hand, on a quiet machine)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "bench.lib.rush_django",
    "bench.lib.rush_profile",
    "bench.lib.rush",
    "bench.lib.faults",
    "bench.backoffice_bench",
    "bench.preferences_bench",
    "bench.allocation_bench",
    "bench.fairness",
]


def test_every_benchmark_module_imports():
    imports = "; ".join(f"import {module}" for module in MODULES)
    done = subprocess.run(  # a process of its own: the benchmarks set up Django themselves
        [sys.executable, "-c", imports],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'src'}",
            "SECRET_KEY": "benchmark-import-test-only-0123456789abcdefghijklmnopqrstuv",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
