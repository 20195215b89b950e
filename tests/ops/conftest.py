"""An edition open for registration (the registration tests' scene), and the readiness check's
memory of applied migrations forgotten before each test."""

from __future__ import annotations

import io
import json
import logging

import pytest

from forsamling.ops import health
from forsamling.privacy.logfilter import RedactPersonalData
from tests.registration.conftest import details, edition  # noqa: F401


@pytest.fixture(autouse=True)
def _check_migrations_again() -> None:
    health.forget()


@pytest.fixture
def log_lines():
    """The JSON lines the configured console handler writes while the test runs (INFO and up),
    parsed: `log_lines()` returns them as dicts."""
    root = logging.getLogger()
    (handler,) = [
        h for h in root.handlers if any(isinstance(f, RedactPersonalData) for f in h.filters)
    ]
    stream = io.StringIO()
    old_stream, old_level = handler.setStream(stream), root.level
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line]
    finally:
        root.setLevel(old_level)
        handler.setStream(old_stream)
