"""Production settings are safe by default and pass Django's deployment checks."""

import os
import subprocess
import sys

from tests.processes import run_in_project


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return run_in_project(
        [sys.executable, "manage.py", *args, "--settings=forsamling.settings"], environment
    )


def test_deploy_checks_are_clean_under_production_settings():
    """`manage.py check --deploy` finds nothing with DEBUG off and a real secret."""
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-key-0123456789-abcdefghijkl",
        ALLOWED_HOSTS="forum.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    """Without SECRET_KEY and with DEBUG off, the settings refuse to load."""
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_sqlite_runs_in_wal_mode_with_immediate_transactions():
    """The embedded database is configured for one writer beside many readers."""
    from django.conf import settings

    options = settings.DATABASES["default"].get("OPTIONS", {})
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        assert options["transaction_mode"] == "IMMEDIATE"
        assert "journal_mode=WAL" in options["init_command"]


def test_behind_pgbouncer_in_transaction_mode_no_server_side_cursors():
    """DATABASE_POOLER=transaction (README, production settings) turns them off; without it
    Django's default stays; an unknown pooler mode stops the start-up."""
    show = "from django.conf import settings; print(settings.DATABASES['default'])"
    key = "a-long-random-production-secret-key-0123456789-abcdefghijkl"
    url = "postgres://forsamling@127.0.0.1:6432/forsamling"
    pooled = run_manage("shell", "-c", show, SECRET_KEY=key, DATABASE_URL=url,
                        DATABASE_POOLER="transaction")  # fmt: skip
    assert pooled.returncode == 0, pooled.stderr
    assert "'DISABLE_SERVER_SIDE_CURSORS': True" in pooled.stdout
    direct = run_manage("shell", "-c", show, SECRET_KEY=key, DATABASE_URL=url)
    assert direct.returncode == 0, direct.stderr
    assert "DISABLE_SERVER_SIDE_CURSORS': True" not in direct.stdout
    unknown = run_manage("check", SECRET_KEY=key, DATABASE_URL=url, DATABASE_POOLER="session")
    assert unknown.returncode != 0
    assert "DATABASE_POOLER" in unknown.stderr
