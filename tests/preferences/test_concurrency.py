"""Publishing while participants cancel, and two organisers publishing at once, in real
concurrent transactions (PostgreSQL row locks; SQLite's IMMEDIATE transactions)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from forsamling.domain.preference_rounds import AlreadyPublished
from forsamling.preferences import services
from forsamling.preferences.models import PreferenceRound
from forsamling.registration.models import Choice, Registration, SessionSeats, Status
from forsamling.registration.services import cancel_registration
from tests.preferences.conftest import ORGANISER, make_round, register

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]


def test_publishing_while_participants_cancel_and_twice_at_once_keeps_every_seat_true(edition):
    round = make_round(edition, [edition.themes_slot])
    services.open_round(round=round, actor=ORGANISER)
    people = [register(edition, edition.official, f"P {i}") for i in range(30)]
    for person in people:
        services.save_rankings(
            round=round,
            registration=person,
            rankings={edition.themes_slot.pk: [edition.small_theme, edition.big_theme]},
        )
    services.close_round(round=round, actor=ORGANISER)
    services.run_allocation(round=round, actor=ORGANISER)

    def run(job):
        try:
            if job == "publish":
                fresh = PreferenceRound.objects.get(pk=round.pk)
                return services.publish_round(round=fresh, actor=ORGANISER)
            registration = Registration.objects.select_related("edition", "category").get(pk=job)
            cancel_registration(registration=registration)
        except AlreadyPublished:
            return "already published"
        finally:
            connection.close()
        return None

    jobs = [p.pk for p in people[::3]]
    jobs[3:3] = ["publish", "publish"]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, jobs))

    assert sorted(map(str, results[3:5])).count("already published") == 1
    assert not Choice.objects.exclude(registration__status=Status.ACTIVE).exists()
    for session in (edition.small_theme, edition.big_theme):
        confirmed = Choice.objects.filter(session=session, status="confirmed").count()
        assert SessionSeats.objects.get(session=session).taken == confirmed
        assert confirmed <= session.capacity
    seated = set(Choice.objects.values_list("registration_id", flat=True))
    active = set(Registration.objects.filter(status=Status.ACTIVE).values_list("pk", flat=True))
    assert seated == active  # 100 seats: everyone still there has one
