"""Running the project's own commands in a process of their own, for the tests of settings."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_in_project(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Runs `args` in the project's folder with exactly `env`; the output is kept as text, and
    the process may take two minutes."""
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
