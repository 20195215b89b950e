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


def side_by_side(organiser: Callable[[Callable[[], None], dict], None], participant):
    """`organiser(ready, outcome)` runs in a transaction of its own and calls `ready()` once it
    has made its change; from then on `participant()` runs in another connection. Returns the
    outcome: what `participant` returned or raised, when it finished, and what `organiser`
    noted."""
    ready = threading.Event()
    outcome: dict[str, Any] = {}

    def first() -> None:
        # The organiser's request: marked as TestCase marks its own blocks, so a service with a
        # durable transaction (making a preference round) may run in it, as in a test's.
        request = transaction.atomic()
        request._from_testcase = True
        try:
            with request:
                organiser(ready.set, outcome)
        except Exception as error:  # reported by the assertions below
            outcome["organiser_error"] = error
        finally:
            ready.set()
            connections.close_all()

    def second() -> None:
        try:
            assert ready.wait(10)
            outcome["result"] = participant()
        except Exception as error:  # reported by the test
            outcome["error"] = error
        finally:
            outcome["finished"] = time.monotonic()
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
        assert not thread.is_alive()
    assert "organiser_error" not in outcome, outcome
    return outcome


def while_organiser_holds_the_counter(
    session: Session, change: Callable[[], Any], then, *, lock_first: bool = True
):
    """`change` runs in a transaction that locks the session's counter first (as the session
    admin and preference rounds do; with `lock_first=False`, `change` has to) and keeps it for
    HOLD seconds; `then` runs meanwhile in another connection and has to wait for it. Returns
    what `then` returned or raised."""

    def organiser(ready: Callable[[], None], outcome: dict) -> None:
        if lock_first:
            lock_seats([session.pk])
        change()
        ready()
        time.sleep(HOLD)
        outcome["committing"] = time.monotonic()  # the lock goes with the commit

    outcome = side_by_side(organiser, then)
    # The participant's answer came after the organiser began to commit: it waited for the lock.
    assert outcome["finished"] >= outcome["committing"], ("the participant did not wait", outcome)
    return outcome


@pytest.mark.parametrize(
    ("theme", "before", "capacity", "newcomer", "status"),
    [
        # Full session (2 seats), the organiser raises its seats: the waiting registration
        # gets one.
        ("small_theme", ["Anna Berg", "Bo Dahl"], 3, "Carl Eg", "confirmed"),
        # The organiser lowers the seats (100) to those taken: the waiting registration gets
        # in line.
        ("big_theme", ["Anna Berg"], 1, "Bo Dahl", "waiting"),
    ],
    ids=["seats-added-are-given-to-it", "seats-removed-are-not-given-away"],
)
def test_seats_changed_while_a_registration_waits_for_the_counter_are_counted(
    edition, theme, before, capacity, newcomer, status
):
    """The seats an organiser commits while a registration waits for the counter decide it."""
    session = getattr(edition, theme)
    for name in before:
        register(edition, name, session)
    outcome = while_organiser_holds_the_counter(
        session,
        lambda: Session.objects.filter(pk=session.pk).update(capacity=capacity),
        lambda: register(edition, newcomer, session),
    )
    assert "error" not in outcome, outcome
    assert Choice.objects.get(registration__name=newcomer).status == status


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


def test_the_session_admin_locks_the_counter_before_it_cancels_a_session(edition, rf):
    """The admin's own save (not the test) takes the lock: a registration arriving meanwhile
    waits for it and is refused."""
    from django.contrib import admin
    from django.contrib.auth.models import User

    from forsamling.backoffice.admin.programme import SessionAdmin

    session = edition.big_theme
    request = rf.post("/")
    request.user = User.objects.create_superuser("arrangoer", "a@kl.dk", "x")

    class Cancelled:
        changed_data = ["is_cancelled"]

    def cancel_in_admin() -> None:
        changed = Session.objects.get(pk=session.pk)
        changed.is_cancelled = True
        SessionAdmin(Session, admin.site).save_model(request, changed, Cancelled(), True)

    outcome = while_organiser_holds_the_counter(
        session, cancel_in_admin, lambda: register(edition, "Anna Berg", session), lock_first=False
    )
    assert isinstance(outcome.get("error"), SessionUnavailable), outcome
    assert not Choice.objects.exists()


def test_publishing_the_programme_does_not_hold_up_registrations(edition):
    """An organiser publishing a programme version at 10.00 (its transaction still open) does
    not make registrations wait: one commits while the publishing is still open."""
    from forsamling.programme.services import publish_programme

    def organiser(ready: Callable[[], None], outcome: dict) -> None:
        publish_programme(edition=edition, comment="Opdateret program")
        ready()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # each query sees what others committed
            if Registration.objects.filter(name="Anna Berg").exists():
                outcome["seen_while_publishing"] = True
                break
            time.sleep(0.02)

    outcome = side_by_side(organiser, lambda: register(edition, "Anna Berg", edition.big_theme))
    assert "organiser_error" not in outcome and "error" not in outcome, outcome
    assert outcome.get("seen_while_publishing"), outcome
