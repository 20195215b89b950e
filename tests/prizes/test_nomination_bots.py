"""A new nomination carries the proof of work (issue 14): with ALTCHA on, a POST without a
valid solution stores nothing and sends nothing, in Danish, keeping what was typed; a solved
challenge saves the draft. Editing it later is by its private link, without a new proof."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from forsamling.outbox.models import SentMessage
from forsamling.prizes.models import Nomination
from tests.core.test_abuse import bots_held_off, solved  # noqa: F401  (a fixture)
from tests.prizes.conftest import complete_values
from tests.prizes.test_nomination import nominate_url

pytestmark = pytest.mark.django_db


def test_the_new_nomination_form_shows_the_widget(
    client: Client,
    setup: SimpleNamespace,
    bots_held_off: Any,  # noqa: F811
) -> None:
    assert "<altcha-widget" in client.get(nominate_url(setup)).content.decode()


@pytest.mark.parametrize("proof", [None, "bm9uc2Vuc2U="])
def test_without_a_valid_solution_no_nomination_is_stored_or_mailed(
    client: Client,
    setup: SimpleNamespace,
    bots_held_off: Any,  # noqa: F811
    django_capture_on_commit_callbacks: Any,
    proof: str | None,
) -> None:
    data = {**complete_values(), "action": "submit"}
    if proof is not None:
        data["altcha"] = proof
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(nominate_url(setup), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "kræver, at JavaScript er slået til" in body and 'id="error-summary"' in body
    assert 'value="Sund start i dagtilbud"' in body  # what was typed is shown again
    assert not Nomination.objects.exists()
    assert not mail.outbox and not SentMessage.objects.exists()


def test_a_solved_challenge_saves_the_draft_and_its_private_page_needs_no_new_proof(
    client: Client,
    setup: SimpleNamespace,
    bots_held_off: Any,  # noqa: F811
) -> None:
    data = {"project_title": "Sund start", "contact_email": "a@aalborg.dk", "action": "save"}
    response = client.post(nominate_url(setup), {**data, "altcha": solved(client)})
    nomination = Nomination.objects.get()
    assert response.status_code == 302 and response["Location"] == nomination.get_absolute_url()
    page = client.get(nomination.get_absolute_url()).content.decode()
    assert "<altcha-widget" not in page
    again = client.post(nomination.get_absolute_url(), {**data, "project_title": "Sundere start"})
    assert again.status_code == 302
    nomination.refresh_from_db()
    assert nomination.project_title == "Sundere start"
