"""The benchmarks import the application's modules directly; a model moved between apps must
not break them unnoticed (they run only by hand, on a quiet machine)."""

from __future__ import annotations

import sys

from tests.processes import ROOT, run_in_project

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
    done = run_in_project(  # a process of its own: the benchmarks set up Django themselves
        [sys.executable, "-c", imports],
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": f"{ROOT}:{ROOT / 'src'}",
            "SECRET_KEY": "benchmark-import-test-only-0123456789abcdefghijklmnopqrstuv",
        },
    )
    assert done.returncode == 0, done.stderr[-3000:]
