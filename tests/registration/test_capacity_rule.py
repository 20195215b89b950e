"""The seat counters keep the domain's capacity rule: a real counter row, read under its lock
and taken, gives a seat exactly when `domain.registration_rules` says there is room."""

import uuid

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forsamling.domain.registration_rules import Placement, placement
from forsamling.programme.models import Session
from forsamling.registration import services
from forsamling.registration.models import Choice, SessionSeats
from tests.registration.conftest import details


class Rollback(Exception):
    pass


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    capacity=st.none() | st.integers(min_value=0, max_value=5),
    taken=st.integers(min_value=0, max_value=7),
)
def test_a_registration_gets_a_seat_exactly_when_the_rule_says_there_is_room(
    edition, capacity, taken
):
    session = edition.big_theme
    try:
        with transaction.atomic():
            Session.objects.filter(pk=session.pk).update(capacity=capacity)
            SessionSeats.objects.filter(session=session).update(taken=taken)
            session.refresh_from_db()
            registered = services.register_participant(
                edition=edition,
                idempotency_key=uuid.uuid4().hex,
                details=details(),
                category=edition.official,
                sessions=[session],
            ).registration
            choice = Choice.objects.get(registration=registered)
            counted = SessionSeats.objects.get(session=session).taken
            raise Rollback((choice.status, counted))
    except Rollback as outcome:
        status, counted = outcome.args[0]
    expected = placement(capacity, taken)
    assert status == expected
    assert counted == taken + (1 if expected == Placement.CONFIRMED else 0)
