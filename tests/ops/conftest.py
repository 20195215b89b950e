"""An edition open for registration (the registration tests' scene), and the readiness check's
memory of applied migrations forgotten before each test."""

from __future__ import annotations

import json
import logging

import pytest

from forsamling.ops import health
from tests.console_log import console_output
from tests.registration.conftest import details, edition  # noqa: F401


@pytest.fixture(autouse=True)
def _check_migrations_again() -> None:
    health.forget()


@pytest.fixture
def log_lines():
    """The JSON lines the configured console handler writes while the test runs (INFO and up),
    parsed: `log_lines()` returns them as dicts."""
    with console_output(logging.INFO) as stream:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line]
