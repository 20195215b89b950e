"""A production site's environment in a temporary folder, and its commands run as processes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def site_env(tmp_path: Path, name: str, database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production site whose var/ and media are in tmp_path/name."""
    var = tmp_path / name
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "forsamling.settings",
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "SECRET_KEY": "backup-test-secret-key-0123456789-0123456789-0123456789",
        "DEBUG": "0",
        "DATABASE_URL": database_url,
        "FORSAMLING_VAR_DIR": str(var),
        "MEDIA_ROOT": str(var / "media"),
        "FORSAMLING_INVOICE_OUTBOX": str(var / "outbox"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "BACKUP_DIR": str(tmp_path / "backups"),
        **extra,
    }


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout
