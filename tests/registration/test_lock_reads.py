"""What decides a seat is read after the seat counter's lock, so a change an organiser commits
while a registration waits for that lock is seen by it (PostgreSQL's READ COMMITTED; SQLite
runs one writer at a time, so nothing can change during a registration there)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections, transaction

from forsamling.domain.registration_rules import SessionUnavailable
from forsamling.preferences import services as preference_services
from forsamling.programme.models import Session
from forsamling.registration.models import Choice, Registration
from forsamling.registration.seats import lock_seats
from forsamling.registration.services import register_participant
from tests.preferences.conftest import make_round

from .conftest import details

pytestmark = [
    pytest.mark.concurrency,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]
HOLD = 0.5  # seconds the organiser's transaction keeps the counter locked


def register(edition, name: str, session: Session):
    return register_participant(
        edition=edition,
        idempotency_key=f"key-{name}",
        details=details(name),
        category=edition.official,
        sessions=[session],
    )


def while_organiser_holds_the_counter(session: Session, change: Callable[[], Any], then):
    """`change` runs in a transaction that locks the session's counter first (as the session
    admin and preference rounds do) and keeps it for HOLD seconds; `then` runs meanwhile in
    another connection and has to wait for it. Returns what `then` returned or raised, and
    how long it took."""
    holding = threading.Event()
    outcome: dict[str, Any] = {}

    def organiser() -> None:
        try:
            with transaction.atomic():
                lock_seats([session.pk])
                change()
                holding.set()
                time.sleep(HOLD)
        finally:
            holding.set()
            connections.close_all()

    def participant() -> None:
        holding.wait(10)
        started = time.monotonic()
        try:
            outcome["result"] = then()
        except Exception as error:  # reported by the test
            outcome["error"] = error
        finally:
            outcome["seconds"] = time.monotonic() - started
            connections.close_all()

    threads = [threading.Thread(target=organiser), threading.Thread(target=participant)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcome["seconds"] > HOLD / 2, "the registration did not wait for the counter"
    return outcome


def test_seats_added_while_a_registration_waits_for_the_counter_are_given_to_it(edition):
    """Full session, the organiser raises its seats: the waiting registration gets one."""
    session = edition.small_theme  # 2 seats
    register(edition, "Anna Berg", session)
    register(edition, "Bo Dahl", session)
    outcome = while_organiser_holds_the_counter(
        session,
        lambda: Session.objects.filter(pk=session.pk).update(capacity=3),
        lambda: register(edition, "Carl Eg", session),
    )
    assert "error" not in outcome, outcome
    assert Choice.objects.get(registration__name="Carl Eg").status == "confirmed"


def test_seats_removed_while_a_registration_waits_are_not_given_away(edition):
    """The organiser lowers the seats to those taken: the waiting registration gets in line."""
    session = edition.big_theme  # 100 seats
    register(edition, "Anna Berg", session)
    outcome = while_organiser_holds_the_counter(
        session,
        lambda: Session.objects.filter(pk=session.pk).update(capacity=1),
        lambda: register(edition, "Bo Dahl", session),
    )
    assert "error" not in outcome, outcome
    assert Choice.objects.get(registration__name="Bo Dahl").status == "waiting"


def test_a_session_cancelled_while_a_registration_waits_is_refused(edition):
    """Cancelled meanwhile: SessionUnavailable, and nothing of the registration is kept."""
    session = edition.big_theme
    outcome = while_organiser_holds_the_counter(
        session,
        lambda: Session.objects.filter(pk=session.pk).update(is_cancelled=True),
        lambda: register(edition, "Anna Berg", session),
    )
    assert isinstance(outcome.get("error"), SessionUnavailable), outcome
    assert not Registration.objects.filter(name="Anna Berg").exists()


def test_a_preference_round_made_while_a_registration_waits_takes_the_slot(edition):
    """A round created meanwhile allocates the slot: the registration is refused."""
    session = edition.big_theme
    outcome = while_organiser_holds_the_counter(
        session,
        lambda: make_round(edition, [edition.themes_slot]),
        lambda: register(edition, "Anna Berg", session),
    )
    assert isinstance(outcome.get("error"), SessionUnavailable), outcome
    assert not Choice.objects.exists()


def test_a_registration_committed_before_a_round_is_made_keeps_the_slot_first_come(edition):
    """The other order: a registration holding the counter commits first, and the round
    cannot take over the slot (create_round waits for the counter, then sees the choice)."""
    session = edition.big_theme
    outcome = while_organiser_holds_the_counter(
        session,
        lambda: register(edition, "Anna Berg", session),
        lambda: make_round(edition, [edition.themes_slot]),
    )
    assert isinstance(outcome.get("error"), preference_services.SlotNotAvailable), outcome
    assert Choice.objects.get().status == "confirmed"
