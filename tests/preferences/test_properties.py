"""Whatever participants rank, and whoever cancels, a published round keeps every hard rule."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forsamling.domain.allocation import allocate, instance_from_json, result_to_json
from forsamling.domain.registration_rules import may_attend
from forsamling.preferences import services
from forsamling.programme.models import Session
from forsamling.registration.models import Choice, ChoiceStatus, SessionSeats
from forsamling.registration.services import cancel_registration
from tests.preferences.conftest import ORGANISER, make_round, register

pytestmark = pytest.mark.django_db


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_published_round_respects_capacity_eligibility_rankings_and_seats_who_it_can(
    edition, data
):
    savepoint = transaction.savepoint()  # every example starts from the fixture's rows
    try:
        check_one_round(edition, data)
    finally:
        transaction.savepoint_rollback(savepoint)


def check_one_round(edition, data):
    slots = [edition.houses_slot, edition.themes_slot]
    sessions = list(Session.objects.filter(slot__in=slots).order_by("id"))
    for session in sessions:
        session.capacity = data.draw(st.none() | st.integers(0, 4), label=str(session))
        session.save(update_fields=["capacity"])
    categories = [edition.politician, edition.council_member, edition.official]
    round = make_round(edition, slots)
    services.open_round(round=round, actor=ORGANISER)
    people = []
    for i in range(data.draw(st.integers(0, 10), label="participants")):
        category = data.draw(st.sampled_from(categories), label=f"category {i}")
        person = register(edition, category, f"Deltager {i}")
        rankings = {}
        for slot in slots:
            allowed = [
                s
                for s in sessions
                if s.slot_id == slot.pk and may_attend(category.attendee, s.audience)
            ]
            rankings[slot.pk] = data.draw(st.permutations(allowed), label=f"{i} {slot}")[
                : data.draw(st.integers(0, len(allowed)), label=f"{i} {slot} length")
            ]
        services.save_rankings(round=round, registration=person, rankings=rankings)
        people.append(person)
    leaving = data.draw(st.lists(st.sampled_from(people), unique=True) if people else st.just([]))
    for person in leaving:
        cancel_registration(registration=person)
    services.close_round(round=round, actor=ORGANISER)
    services.run_allocation(round=round, actor=ORGANISER)
    if data.draw(st.booleans(), label="re-run"):
        services.rerun_allocation(round=round, actor=ORGANISER)
    services.publish_round(round=round, actor=ORGANISER)

    assert result_to_json(allocate(instance_from_json(round.instance))) == round.result
    choices = list(Choice.objects.select_related("registration__category", "session"))
    assert all(c.status == ChoiceStatus.CONFIRMED for c in choices)
    seated = Counter(c.session_id for c in choices)
    taken = dict(SessionSeats.objects.values_list("session_id", "taken"))
    for session in sessions:
        assert taken.get(session.pk, 0) == seated[session.pk]
        assert session.capacity is None or seated[session.pk] <= session.capacity
    for choice in choices:
        assert choice.registration.is_active
        assert may_attend(choice.registration.category.attendee, choice.session.audience)
        assert choice.registration.rankings.filter(session=choice.session).exists()
    seated_pairs = {(c.registration_id, c.slot_id) for c in choices}
    for person in people:
        if person in leaving:
            continue
        for ranking in person.rankings.select_related("session"):
            if (person.pk, ranking.slot_id) not in seated_pairs:
                capacity = ranking.session.capacity
                assert capacity is not None and seated[ranking.session_id] == capacity, (
                    "an unseated participant ranked a session with a free seat"
                )
