"""More seats on a session, given in the back office, go to the waiting list at once."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from forsamling.registration.models import Choice, ChoiceStatus
from tests.backoffice.conftest import make_conference, register
from tests.factories import no_inline_rows

pytestmark = pytest.mark.django_db(transaction=True)


def session_form(session, **changes):
    data = {
        "slot": session.slot_id,
        "kind": session.kind,
        "number": session.number,
        "title": session.title,
        "subtitle": "",
        "description": "",
        "audience": session.audience,
        "room": "",
        "capacity": session.capacity,
        "meet_label": session.meet_label,
        "order": session.order,
        **no_inline_rows("sessionspeaker_set"),
    }
    data.update(changes)
    return data


def test_raising_capacity_seats_the_first_in_line_and_tells_them(client):
    """Capacity 2 → 3: the first of two waiting gets the seat and an e-mail; the second waits."""
    conference = make_conference()
    small = conference.small
    for name in ("Anna", "Bent", "Carl", "Dorte"):
        register(conference, name, sessions=[small], email=f"{name.lower()}@example.dk")
    mail.outbox.clear()
    client.force_login(get_user_model().objects.create_superuser("kl", "kl@kl.dk", "pw"))
    response = client.post(
        reverse("admin:programme_session_change", args=[small.pk]),
        session_form(small, capacity=3),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    waiting = Choice.objects.filter(session=small).order_by("created_at", "id")
    assert [c.status for c in waiting] == [
        ChoiceStatus.CONFIRMED,
        ChoiceStatus.CONFIRMED,
        ChoiceStatus.CONFIRMED,
        ChoiceStatus.WAITING,
    ]
    assert [m.to for m in mail.outbox] == [["carl@example.dk"]]
