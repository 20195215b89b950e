"""LOG_FORMAT: JSON by default in production, plain text with DEBUG, nothing else accepted."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.processes import ROOT, run_in_project

SHOW = (
    "import logging, django; django.setup();"
    "logging.getLogger('forsamling.test').warning('hello from %s', 'ole@aalborg.dk')"
)


def log_of(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "LOG_FORMAT", "SENTRY_DSN"}}
    return run_in_project(
        [sys.executable, "-c", SHOW],
        {
            **clean,
            "PYTHONPATH": str(ROOT / "src"),
            "DJANGO_SETTINGS_MODULE": "forsamling.settings",
            "SECRET_KEY": "x" * 50,
            **env,
        },
    )


def test_production_logs_json_and_development_plain_text():
    production = log_of().stderr.strip()
    assert production.startswith("{") and '"message": "hello from [e-mail]"' in production
    development = log_of(DEBUG="1").stderr.strip()
    assert development.endswith("forsamling.test [- -] hello from [e-mail]")
    assert log_of(LOG_FORMAT="text").stderr.strip().endswith("hello from [e-mail]")


def test_an_unknown_log_format_is_refused():
    result = log_of(LOG_FORMAT="yaml")
    assert result.returncode != 0 and "LOG_FORMAT must be json or text" in result.stderr
