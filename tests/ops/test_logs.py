"""Production's logs: one JSON object per line; each line written during a request carries its
id (the proxy's X-Request-ID, or a new one), each line of the worker its task's id; one access
line per request, without the query string, private tokens or e-mail addresses."""

from __future__ import annotations

import logging
import uuid

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from forsamling.registration import services
from tests.ops.conftest import details

pytestmark = pytest.mark.django_db


def access_lines(lines):
    return [line for line in lines if line["name"] == "forsamling.access"]


def test_a_request_has_one_access_line_with_its_id_from_the_proxy(client, edition, log_lines):
    rid = "f3c1e0a2b4d54c6e8a9b0c1d2e3f4a5b"  # nginx's $request_id
    response = client.get("/2026/program/?spor=1&email=ole@aalborg.dk", HTTP_X_REQUEST_ID=rid)
    assert response.status_code == 200
    assert response["X-Request-ID"] == rid
    (line,) = access_lines(log_lines())
    assert line["request_id"] == rid and line["task_id"] == "-"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/2026/program/", 200)
    assert line["duration_ms"] >= 0 and line["level"] == "INFO" and line["time"]
    assert "spor" not in str(line) and "aalborg" not in str(line)


def test_every_line_of_a_request_carries_its_id(client, edition, log_lines):
    response = client.get("/2026/findes-ikke/", HTTP_X_REQUEST_ID="req-0001-abcd")
    assert response.status_code == 404
    lines = log_lines()
    django_line = next(line for line in lines if line["name"] == "django.request")
    assert django_line["message"] == "Not Found: /2026/findes-ikke/"
    assert django_line["request_id"] == "req-0001-abcd"
    assert access_lines(lines)[0]["request_id"] == "req-0001-abcd"
    logging.getLogger("forsamling").warning("after the request")
    assert log_lines()[-1]["request_id"] == "-"


@pytest.mark.parametrize("given", ["", "short", "x" * 200, "a b c d e f g h", "<script>1234"])
def test_a_malformed_request_id_is_replaced_by_a_new_one(client, given, log_lines):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=given)
    assert str(uuid.UUID(response["X-Request-ID"])) == response["X-Request-ID"]
    assert response["X-Request-ID"] != given


def test_private_tokens_in_paths_are_redacted_in_every_field(client, edition, log_lines):
    token = "Zx9" * 15
    client.get(f"/2026/tilmelding/{token}/")
    lines = log_lines()
    (line,) = access_lines(lines)
    assert line["path"] == "/2026/tilmelding/[token]/"
    # Django's "Not Found" line passes the request along, whose text holds the path.
    (django_line,) = [line for line in lines if line["name"] == "django.request"]
    assert django_line["request"] == "<WSGIRequest: GET '/2026/tilmelding/[token]/'>"
    assert token not in str(lines)


def test_health_and_metrics_pages_write_no_access_line(client, log_lines):
    client.get("/healthz")
    client.get("/readyz")
    client.get("/metrics")
    client.get("/")
    assert [line["path"] for line in access_lines(log_lines())] == ["/"]


def test_a_traceback_in_json_is_redacted(log_lines):
    try:
        raise ValueError("no seat for ole@aalborg.dk")
    except ValueError:
        logging.getLogger("forsamling.test").exception("registration failed")
    (line,) = log_lines()
    assert "ValueError: no seat for [e-mail]" in line["exc_info"]
    assert "ole@aalborg.dk" not in str(line)


@pytest.mark.django_db(transaction=True)
def test_the_workers_lines_carry_the_task_id(edition, settings, log_lines):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    services.register_participant(
        edition=edition,
        idempotency_key=uuid.uuid4().hex,
        details=details("Mette Hansen"),
        category=edition.official,
        sessions=[edition.big_theme],
    )
    (task,) = DBTaskResult.objects.all()
    # The command sets its loggers' level from its verbosity (1: INFO, as in production).
    levels = {name: logging.getLogger(name).level for name in ("django_tasks", "django_tasks_db")}
    try:
        call_command("db_worker", batch=True, verbosity=1, startup_delay=False)
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    task_lines = [line for line in log_lines() if line["name"] == "django_tasks"]
    assert len(task_lines) == 2  # started, finished
    assert {line["task_id"] for line in task_lines} == {str(task.pk)}
    assert "SUCCESSFUL" in task_lines[-1]["message"]
    logging.getLogger("forsamling").warning("after the task")
    assert log_lines()[-1]["task_id"] == "-"


def test_an_error_that_escapes_django_still_has_its_access_line(client, settings, log_lines):
    settings.ROOT_URLCONF = "tests.ops.urls_broken_errors"
    client.raise_request_exception = False
    with pytest.raises(ValueError, match="manifest"):
        client.get("/test-boom/", HTTP_X_REQUEST_ID="req-broken-0001")
    (line,) = access_lines(log_lines())
    assert (line["path"], line["status"], line["request_id"]) == (
        "/test-boom/",
        500,
        "req-broken-0001",
    )


def test_a_probes_503_is_not_logged_as_an_error(client, settings, log_lines):
    settings.MIGRATION_MODULES = {"ops": "tests.ops.pending_migrations"}
    settings.ALLOWED_HOSTS = ["testserver"]
    assert client.get("/readyz").status_code == 503
    assert log_lines() == []
    assert client.get("/readyz", HTTP_HOST="evil.example.com").status_code == 400
    # A wrong Host header is still refused and logged as Django does for any page.
    assert "django.security.DisallowedHost" in [line["name"] for line in log_lines()]
