"""Making a session: the programme's row and registration's seat counter, together.

A session's seats are counted in its `SessionSeats` row, which every registration locks. The
row is made here, with the session, so the first registrations at 10.00 only lock rows and
never insert them side by side. The programme app cannot make it (it sits below
registration), and a `post_save` signal would hide it; so whatever creates sessions calls
`create_session`, or `add_counters` for sessions it saved itself (the admin's form, copying).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from forsamling.programme.models import Session
from forsamling.registration.seats import add_counters


def create_session(**fields: Any) -> Session:
    """The session and its seat counter. Not durable: it joins the caller's transaction (the
    demo loader makes a whole edition in one); alone it is its own."""
    with transaction.atomic():
        session = Session.objects.create(**fields)
        add_counters([session.pk])
    return session
