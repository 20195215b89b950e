"""A solved proof of work sent several times at once (a script replaying it in parallel): it is
used up once, so exactly one registration is made, the others are refused in Danish, and only
that one is counted (PostgreSQL with `scripts/with-postgres`; SQLite serialises the
attempts)."""

from __future__ import annotations

import pytest
from django.test import Client

from forsamling.core.models import RateCounter, UsedChallenge
from forsamling.registration.models import Registration
from tests.racing import race

from .test_abuse import bots_held_off, person, solved, url  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]


def test_one_proof_sent_six_times_at_once_registers_once(edition, bots_held_off):  # noqa: F811
    proof = solved(Client(), REMOTE_ADDR="203.0.113.60")

    def attempt(n: int):
        def send():
            data = {**person(edition, n, domain="race.dk"), "altcha": proof}
            response = Client().post(url(edition), data, REMOTE_ADDR="203.0.113.60")
            return response.status_code, response.content.decode()

        return send

    results = race([attempt(n) for n in range(6)])
    statuses = sorted(result[0] for result in results)  # an exception would fail here
    assert statuses == [302] + [400] * 5, results
    assert all("allerede sendt én gang" in page for status, page in results if status == 400)
    assert Registration.objects.count() == 1
    assert UsedChallenge.objects.count() == 1
    counted = dict(RateCounter.objects.values_list("key", "count"))
    assert counted == {"register:network:203.0.113.60/32": 1, "register:domain:race.dk": 1}


def test_a_registration_refused_by_the_service_is_not_counted(
    edition,
    bots_held_off,  # noqa: F811
):
    """Already registered: the answer is the "send my link" page; the proof is used up (it was
    checked before the service ran) and the sender is not counted."""
    client = Client()
    first = {**person(edition, 1, domain="race.dk"), "altcha": solved(client)}
    assert client.post(url(edition), first).status_code == 302
    again = {**first, "idempotency_key": "another-key", "altcha": solved(client)}
    answered = client.post(url(edition), again)
    assert answered.status_code == 200
    assert Registration.objects.count() == 1
    assert UsedChallenge.objects.count() == 2
    assert RateCounter.objects.get(key="register:domain:race.dk").count == 1
