"""A group booking's start form carries the proof of work (issue 14): with ALTCHA on, a POST
without a valid solution is refused in Danish with nothing stored and nothing typed lost, a
solved challenge passes once, and a replay is refused."""

from __future__ import annotations

import altcha
import pytest
from django.urls import reverse

from forsamling.outbox.models import SentMessage
from forsamling.registration.models import GroupBooking
from tests.core.test_abuse import bots_held_off, challenge, solved  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

DATA = {
    "organisation": "Aalborg Kommune",
    "secretary_name": "Sekretær Sørensen",
    "secretary_email": "sekretaer@aalborg.dk",
    "ean": "",
    "order_reference": "PO-77",
    "person_reference": "",
}


def url(edition) -> str:
    return reverse("public:registration_group_start", kwargs={"edition": edition.slug})


def test_the_start_form_shows_the_proof_of_work_widget(client, edition, bots_held_off):  # noqa: F811
    html = client.get(url(edition)).content.decode()
    assert "<altcha-widget" in html and "altcha/altcha.js" in html


@pytest.mark.parametrize("proof", [None, "", "bm9uc2Vuc2U=", "forged"])
def test_without_a_valid_solution_nothing_is_started_and_the_form_is_kept(
    client,
    edition,
    bots_held_off,  # noqa: F811
    proof,
):
    data = dict(DATA)
    if proof == "forged":
        challenge = client.get("/altcha/udfordring/").json()
        right = altcha.solve_challenge_v1(  # forged: any number but the solution
            challenge["challenge"],
            challenge["salt"],
            challenge["algorithm"],
            challenge["maxNumber"],
        ).number
        proof = altcha.PayloadV1(
            "SHA-256", challenge["challenge"], right + 1, challenge["salt"], challenge["signature"]
        ).to_base64()
    if proof is not None:
        data["altcha"] = proof
    response = client.post(url(edition), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "kræver, at JavaScript er slået til" in html
    assert 'id="error-summary"' in html
    assert 'value="Sekretær Sørensen"' in html and 'value="PO-77"' in html
    assert not GroupBooking.objects.exists()
    assert not SentMessage.objects.exists()


def test_a_solved_challenge_starts_the_group_once_and_a_replay_is_refused(
    client,
    edition,
    bots_held_off,  # noqa: F811
):
    proof = solved(client)
    first = client.post(url(edition), {**DATA, "altcha": proof})
    group = GroupBooking.objects.get()
    assert first.status_code == 302 and first["Location"].endswith(f"/gruppe/{group.token}/")
    replay = client.post(url(edition), {**DATA, "altcha": proof})
    assert replay.status_code == 400
    assert "Formularen er allerede sendt én gang" in replay.content.decode()
    assert GroupBooking.objects.count() == 1


def test_group_starts_from_one_network_are_never_refused_but_cost_more(
    client,
    edition,
    bots_held_off,  # noqa: F811
):
    """The issue's finding: the 31st form from a town hall's gateway was refused (429)."""
    for _ in range(35):
        response = client.post(url(edition), {**DATA, "altcha": solved(client, "group")})
        assert response.status_code == 302
    assert GroupBooking.objects.count() == 35
    assert challenge(client, "group")["maxNumber"] > challenge(client, "register")["maxNumber"]


def test_with_altcha_off_as_in_the_other_tests_the_form_needs_no_solution(client, edition):
    assert client.post(url(edition), DATA).status_code == 302
