"""Error reports go to Sentry only when SENTRY_DSN is set, and carry no personal data: the test
runs a small HTTP server standing in for Sentry and reads what the SDK really sent."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
import pytest
import sentry_sdk
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from forsamling.ops.sentry import init_sentry

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "ole.olsen@aalborg.dk"
TOKEN = "Qw7" * 15


class SentryStandIn(BaseHTTPRequestHandler):
    """Accepts envelopes as Sentry's ingestion does, keeping their bodies."""

    received: list[bytes]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        self.server.received.append(body)  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def sentry_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SentryStandIn)
    server.received = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def post_through_wsgi(path: str, query: str, form: bytes, **headers: str) -> str:
    """A POST through Django's WSGI handler, where sentry-sdk's WSGI integration hooks in (the
    test client skips it); returns the status line."""
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(form)),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "wsgi.input": io.BytesIO(form),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
        **headers,
    }
    status: list[str] = []
    # As Django's test client does: the test's database connection must stay open.
    # (both signals: a middleware that reads the session needs the connection at the start).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = WSGIHandler()(environ, lambda line, headers, exc_info=None: status.append(line))
        b"".join(body)
        body.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return status[0]


def settings_say(env: dict[str, str]) -> str:
    """Whether Sentry is on after the settings module loads with this environment."""
    code = (
        "import sentry_sdk, forsamling.settings as s;"
        "print(sentry_sdk.get_client().is_active(), s.SENTRY_DSN != '')"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "PYTHONPATH": str(ROOT / "src"), "SECRET_KEY": "x" * 50, **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return result.stdout.strip()


def test_without_a_dsn_sentry_is_not_initialised():
    assert settings_say({}) == "False False"
    # The test suite's own settings (tests/settings.py drops any SENTRY_DSN of the shell).
    assert django_settings.SENTRY_DSN == "" and not sentry_sdk.get_client().is_active()


def test_with_a_dsn_the_settings_initialise_it():
    assert settings_say({"SENTRY_DSN": "http://public@127.0.0.1:9/1"}) == "True True"


@pytest.mark.django_db
def test_an_error_in_a_view_arrives_without_personal_data(sentry_server, settings):
    settings.ROOT_URLCONF = "tests.ops.urls_sentry"
    port = sentry_server.server_address[1]
    init_sentry(
        dsn=f"http://public@127.0.0.1:{port}/1",
        release="forsamling@test",
        environment="test",
        traces_sample_rate=0,
    )
    try:
        status = post_through_wsgi(
            f"/test-sentry/{TOKEN}/",
            f"email={EMAIL}",
            f"email={EMAIL}&name=Ole+Olsen".encode(),
            HTTP_COOKIE="sessionid=session-secret-value; csrftoken=csrf-secret-value",
            HTTP_X_REQUEST_ID="req-sentry-0001",
            HTTP_USER_AGENT="Mozilla/5.0 (test)",
        )
        assert status.startswith("500")
        sentry_sdk.flush(timeout=10)
    finally:
        sentry_sdk.get_client().close(timeout=2)
        sentry_sdk.get_global_scope().set_client(None)

    envelopes = b"".join(sentry_server.received).decode()
    events = [
        json.loads(line)
        for line in envelopes.splitlines()
        if line.startswith("{") and '"exception"' in line
    ]
    assert len(events) == 1, envelopes[:2000]
    (event,) = events
    (exception,) = event["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    assert exception["value"] == "could not register [e-mail]"
    assert event["tags"]["request_id"] == "req-sentry-0001"
    request = event["request"]
    assert request["method"] == "POST"
    assert request["url"] == "http://testserver/test-sentry/[token]/"
    assert set(request) <= {"method", "url", "headers"}
    assert request["headers"]["User-Agent"] == "Mozilla/5.0 (test)"
    assert "user" not in event
    # Nothing personal anywhere in what was sent: not the address, not the name typed in the
    # form, not the private token in the URL, not the cookie.
    for secret in (EMAIL, "ole.olsen", "Ole", TOKEN, "session-secret-value", "csrf-secret"):
        assert secret not in envelopes
