"""The application's own logs never hold a private token or a person's e-mail address, and
every logger's lines are in the privacy registry's account of logs, the logins' included."""

from __future__ import annotations

import logging
import re
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings

import forsamling
from forsamling.privacy import registry
from forsamling.registration import services
from tests.backoffice.conftest import make_user
from tests.console_log import console_output
from tests.privacy.conftest import details


@pytest.fixture
def log_output():
    """What the configured console handler writes, at DEBUG, while the test runs."""
    with console_output(logging.DEBUG) as stream:
        yield stream


def test_registration_link_resend_and_a_refused_email_log_no_token_or_address(
    edition, client, settings, log_output, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.privacy.refusing_mail.Backend"
    person = details(name="Lone Logfri")
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register_participant(
            edition=edition,
            idempotency_key=uuid.uuid4().hex,
            details=person,
            category=edition.politician,
            sessions=[],
        ).registration
    page = f"/{edition.slug}/tilmelding/{registration.token}/"
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(
                f"/{edition.slug}/tilmelding/send-link/", {"email": person.email}
            ).status_code
            == 200
        )
    # A details form sent wrongly: Django logs "Bad Request: <path with the token>".
    assert client.post(page + "oplysninger/", {"email": "ikke-en-adresse"}).status_code == 400
    assert client.get(page + "findes-ikke/").status_code == 404

    written = log_output.getvalue()
    assert "Bad Request: /2026/tilmelding/[token]/oplysninger/" in written
    assert "not accepted" in written and "[e-mail]" in written  # the outbox logged the refusal
    assert registration.token not in written
    assert person.email not in written
    assert person.email.split("@")[0] not in written


def test_runservers_request_lines_pass_the_filter_too(log_output):
    token = "Zx9" * 15
    logging.getLogger("django.server").info('"GET /2026/tilmelding/%s/ HTTP/1.1" 200 512', token)
    logging.getLogger("django.request").warning("Not Found: /x/%s/ for ole@aalborg.dk", token)
    written = log_output.getvalue()
    assert "/2026/tilmelding/[token]/" in written and "[e-mail]" in written
    assert token not in written and "ole@aalborg.dk" not in written


LOGGER = re.compile(r"getLogger\((?:\"([\w.]+)\"|__name__)\)")


def loggers_in(root: Path, package: str) -> set[str]:
    """Every logger the package's code takes (by its name, or its module's)."""
    found = set()
    for path in root.rglob("*.py"):
        module = ".".join((package, *path.relative_to(root).with_suffix("").parts))
        found |= {match.group(1) or module for match in LOGGER.finditer(path.read_text())}
    return found


def test_every_logger_is_in_the_registrys_account_of_logs():
    ours = loggers_in(Path(forsamling.__file__).parent, "forsamling")
    configured = set(django_settings.LOGGING["loggers"])
    assert {"forsamling.logins", "forsamling.access", "forsamling.registration.push"} <= ours
    assert sorted(name for name in ours | configured if registry.log_of(name) is None) == []
    for declaration in registry.logs():
        assert declaration.reason and declaration.kept, declaration.logger


def test_a_logger_left_out_is_found(tmp_path):
    """The check itself can fail: a new app's logger is covered by no declaration."""
    (tmp_path / "sending.py").write_text("log = logging.getLogger(__name__)\n")
    assert loggers_in(tmp_path, "forsamling.newsletter") == {"forsamling.newsletter.sending"}
    assert registry.log_of("forsamling.newsletter.sending") is None
    assert registry.log_of("forsamling.registration.push").logger == "forsamling.registration"


def test_the_login_lines_are_accounted_for_with_what_they_hold(client, db, settings, caplog):
    """Password guessing up to a lockout, a refused login, the lockout lifted by an organiser:
    every line written is a declared logger's, and the declarations say what they hold."""
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)
    make_user("arrangoer", is_staff=True)
    admin = make_user("chef", is_staff=True, is_superuser=True)
    caplog.set_level(logging.DEBUG)
    for _ in range(4):
        client.post(
            "/backoffice/login/?next=/backoffice/",
            {"username": "arrangoer", "password": "gæt"},
            REMOTE_ADDR="203.0.113.7",
        )
    client.force_login(admin)
    attempt = AccessAttempt.objects.get()
    client.post(f"/backoffice/konference/logins/spaerrede/{attempt.pk}/ophaev/")

    names = {record.name for record in caplog.records}
    assert "forsamling.logins" in names and any(name.startswith("axes.") for name in names)
    assert sorted(name for name in names if registry.log_of(name) is None) == []
    logins = " ".join(registry.log_of("forsamling.logins").holds)
    guesses = " ".join(registry.log_of("axes.handlers.database").holds)
    for held in (logins, guesses):
        assert "user name" in held and "IP address" in held
    lines = " ".join(r.getMessage() for r in caplog.records if r.name == "forsamling.logins")
    assert "arrangoer" in lines and "203.0.113.7" in lines and "chef" in lines
