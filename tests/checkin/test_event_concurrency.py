"""Two requests with the same scan at the same moment, and two devices with the same person:
one check-in either way. Meaningful on PostgreSQL, where the two transactions overlap."""

from __future__ import annotations

import uuid
from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from forsamling.checkin.models import CheckIn, CheckInEvent, Outcome
from forsamling.checkin.services import record_event
from forsamling.checkin.tokens import badge_code
from forsamling.registration.models import AuditEntry
from tests.racing import race

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]

AT = datetime(2026, 5, 7, 9, 2, tzinfo=ZoneInfo("Europe/Copenhagen"))


def at_once(conference, scans):
    """Runs each (event id, registration, device) in its own thread, released together."""
    answers = race(
        [
            partial(
                record_event,
                edition=conference.edition,
                event_id=event_id,
                code=badge_code(registration.pk),
                device=device,
                scanned_at=AT,
            )
            for event_id, registration, device in scans
        ]
    )
    errors = [answer for answer in answers if isinstance(answer, BaseException)]
    assert not errors, errors
    return answers


@pytest.mark.parametrize("round_", range(5))
def test_the_same_event_posted_twice_at_once_counts_once(conference, people, round_):
    event_id = uuid.uuid4()
    answers = at_once(conference, [(event_id, people.bo, "A"), (event_id, people.bo, "A")])
    assert [a.event.outcome for a in answers] == [Outcome.CHECKED_IN] * 2
    assert CheckInEvent.objects.count() == 1 and CheckIn.objects.count() == 1
    assert AuditEntry.objects.filter(action="checked_in").count() == 1


@pytest.mark.parametrize("round_", range(5))
def test_two_devices_scanning_one_person_at_once_count_once(conference, people, round_):
    answers = at_once(
        conference, [(uuid.uuid4(), people.bo, "Indgang A"), (uuid.uuid4(), people.bo, "B")]
    )
    outcomes = sorted(a.event.outcome for a in answers)
    assert outcomes == [Outcome.ALREADY, Outcome.CHECKED_IN]
    winner = CheckIn.objects.get()
    assert {a.first_device for a in answers} == {winner.device}
    assert CheckInEvent.objects.count() == 2
