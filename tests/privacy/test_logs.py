"""The application's own logs never hold a private token or a person's e-mail address."""

from __future__ import annotations

import logging
import uuid

import pytest

from forsamling.registration import services
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
