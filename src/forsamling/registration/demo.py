"""The demo edition: next year's forum as a copy of the 2026 seed, to try registration on.

Registration opens one minute after `manage.py load_demo` runs (again on every run, as long
as nobody has registered yet), so the countdown and the opening can be watched. Its e-mails
are never sent; participants read them on the demo's inbox page.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction

from forsamling.conferences.models import Edition
from forsamling.demo.load import load_edition, seed_data
from forsamling.domain.danish import COPENHAGEN
from forsamling.programme.models import Day, Session, SessionKind
from forsamling.registration.models import Category

DEMO_SLUG = "demo"
SEED_YEAR = 2026
ONE_YEAR_SAME_WEEKDAY = timedelta(weeks=52)

CATEGORIES = [
    ("politiker", "Kommunal- eller regionspolitiker", "3995", True, False),
    ("sundhedsraad", "Politiker i et sundhedsråd", "3995", True, True),
    ("medarbejder", "Embedsperson, leder eller medarbejder", "3995", False, False),
    ("standpersonale", "Standpersonale", "1900", False, False),
]
# Seats per kind of session; one small masterclass shows the waiting list quickly.
CAPACITY: dict[str, int] = {SessionKind.ASSEMBLY_HOUSE: 300, SessionKind.MASTERCLASS: 60}
SMALL_SESSION_CAPACITY = 5


@transaction.atomic
def load_demo_edition(now: datetime) -> tuple[Edition, bool]:
    """Creates the demo edition unless it exists; moves its opening while nobody registered."""
    edition, created = load_edition(seed_data(SEED_YEAR), slug=DEMO_SLUG)
    if created:
        _make_next_year(edition)
    if not edition.registrations.exists():
        edition.registration_opens_at = now.replace(microsecond=0) + timedelta(minutes=1)
        edition.save(update_fields=["registration_opens_at", "updated_at"])
    return edition, created


def _make_next_year(edition: Edition) -> None:
    edition.year = SEED_YEAR + 1
    edition.title = edition.title.replace(str(SEED_YEAR), str(SEED_YEAR + 1)) + " (demo)"
    edition.is_demo = True
    edition.start_date += ONE_YEAR_SAME_WEEKDAY
    edition.end_date += ONE_YEAR_SAME_WEEKDAY
    starts = datetime.combine(edition.start_date, time(0, 0), tzinfo=COPENHAGEN)
    edition.registration_closes_at = starts - timedelta(days=14)
    edition.cancellation_deadline = starts - timedelta(days=30)
    edition.exhibitors_open_at = None
    edition.save()
    for day in Day.objects.filter(edition=edition).order_by("-date"):
        day.date += ONE_YEAR_SAME_WEEKDAY
        day.save(update_fields=["date"])
    for order, (key, name, price, is_politician, is_health_council) in enumerate(CATEGORIES):
        Category.objects.create(
            edition=edition,
            key=key,
            name=name,
            price=Decimal(price),
            order=order,
            is_politician=is_politician,
            is_health_council=is_health_council,
        )
    sessions = list(Session.objects.filter(slot__edition=edition).order_by("slot", "order", "id"))
    for session in sessions:
        session.capacity = CAPACITY.get(session.kind, 100)
    if sessions:
        sessions[-1].capacity = SMALL_SESSION_CAPACITY
    Session.objects.bulk_update(sessions, ["capacity"])
