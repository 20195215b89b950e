"""The stand booking form carries the proof of work (issue 14): with ALTCHA on, a POST without
a valid solution books nothing and sends nothing, in Danish, keeping what was typed; a solved
challenge books."""

from __future__ import annotations

import pytest

from forsamling.exhibitors.models import Exhibitor, Stand
from forsamling.outbox.models import SentMessage
from tests.core.test_abuse import bots_held_off, solved  # noqa: F401  (a fixture)
from tests.exhibitors.test_pages import book_url, booking_data

pytestmark = pytest.mark.django_db


def test_the_booking_form_shows_the_widget(client, edition, stands, bots_held_off):  # noqa: F811
    assert "<altcha-widget" in client.get(book_url(edition)).content.decode()


@pytest.mark.parametrize("proof", [None, "", "bm9uc2Vuc2U="])
def test_without_a_valid_solution_nothing_is_booked(
    client,
    edition,
    stands,
    bots_held_off,  # noqa: F811
    mailoutbox,
    proof,
):
    data = booking_data([stands[0]])
    if proof is not None:
        data["altcha"] = proof
    response = client.post(book_url(edition), data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "kræver, at JavaScript er slået til" in body and 'id="error-summary"' in body
    assert 'value="Søren Ærø"' in body and 'value="PO-123"' in body
    assert not Exhibitor.objects.exists()
    assert not Stand.objects.filter(exhibitor__isnull=False).exists()
    assert not mailoutbox and not SentMessage.objects.exists()


def test_a_solved_challenge_books_the_stand(client, edition, stands, bots_held_off):  # noqa: F811
    response = client.post(
        book_url(edition), {**booking_data([stands[0]]), "altcha": solved(client)}
    )
    exhibitor = Exhibitor.objects.get()
    assert response.status_code == 302 and response["Location"] == exhibitor.get_absolute_url()
    assert list(exhibitor.stands.values_list("number", flat=True)) == ["A1"]
