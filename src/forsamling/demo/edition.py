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
from forsamling.demo.load import load_edition_in_transaction, seed_data
from forsamling.domain.danish import COPENHAGEN, format_date_range
from forsamling.programme.models import Session, SessionKind
from forsamling.registration.copying import copy_edition_in_transaction
from forsamling.registration.models import Category, Meal, MealKind

DEMO_SLUG = "demo"
SEED_YEAR = 2026

CATEGORIES = [
    ("politiker", "Kommunal- eller regionspolitiker", "3995", True, False),
    ("sundhedsraad", "Politiker i et sundhedsråd", "3995", True, True),
    ("medarbejder", "Embedsperson, leder eller medarbejder", "3995", False, False),
    ("oplaegsholder", "Oplægsholder", "0", False, False),
    ("standpersonale", "Standpersonale", "1900", False, False),
    ("presse", "Presse", "0", False, False),
    ("andet", "Andre", "3995", False, False),
]
# Free and cheaper categories: only with an invitation code (forsamling.invitations).
INVITATION_ONLY = {"oplaegsholder", "presse", "standpersonale"}
# Seats per kind of session; one small masterclass shows the waiting list quickly.
CAPACITY: dict[str, int] = {SessionKind.ASSEMBLY_HOUSE: 300, SessionKind.MASTERCLASS: 60}
SMALL_SESSION_CAPACITY = 5


@transaction.atomic(durable=True)
def load_demo_edition(now: datetime) -> tuple[Edition, bool]:
    """Creates the demo edition unless it exists; moves its opening while nobody registered."""
    edition = Edition.objects.filter(slug=DEMO_SLUG).first()
    created = edition is None
    if edition is None:
        source = Edition.objects.filter(slug=str(SEED_YEAR)).first()
        if source is None:
            source, _ = load_edition_in_transaction(seed_data(SEED_YEAR))
        edition = copy_edition_in_transaction(source=source, slug=DEMO_SLUG)
        _make_demo(edition, now)
        _own_dates_in_texts(edition, source)
    if not edition.registrations.exists():
        edition.registration_opens_at = now.replace(microsecond=0) + timedelta(minutes=1)
        edition.save(update_fields=["registration_opens_at", "updated_at"])
    return edition, created


TEXT_FIELDS = [
    "tagline", "headline", "lead", "intro", "takeaways_heading", "takeaways", "themes_heading",
    "themes_intro", "closing", "programme_note",
]  # fmt: skip


def _own_dates_in_texts(edition: Edition, source: Edition) -> None:
    """The copied texts speak of the demo's dates and year, not the source's ("7.–8. maj
    2026" becomes the demo's own date range)."""
    swaps = [
        (
            format_date_range(source.start_date, source.end_date),
            format_date_range(edition.start_date, edition.end_date),
        ),
        (str(source.year), str(edition.year)),
    ]

    def swapped(text: str) -> str:
        for old, new in swaps:
            text = text.replace(old, new)
        return text

    for name in TEXT_FIELDS:
        setattr(edition, name, swapped(getattr(edition, name)))
    edition.save(update_fields=[*TEXT_FIELDS, "updated_at"])
    for theme in edition.themes.all():
        theme.title, theme.description = swapped(theme.title), swapped(theme.description)
        theme.save(update_fields=["title", "description"])


def _make_demo(edition: Edition, now: datetime) -> None:
    """What an organiser would edit after copying: marked as a demo, prices, seats, deadlines."""
    edition.title += " (demo)"
    edition.is_demo = True
    edition.is_public = True
    starts = datetime.combine(edition.start_date, time(0, 0), tzinfo=COPENHAGEN)
    edition.registration_closes_at = starts - timedelta(days=14)
    edition.cancellation_deadline = starts - timedelta(days=30)
    # Exhibitors can try booking a stand at once, too.
    edition.exhibitors_open_at = now.replace(microsecond=0)
    edition.exhibitors_close_at = starts - timedelta(days=14)
    edition.save()
    for order, (key, name, price, is_politician, is_health_council) in enumerate(CATEGORIES):
        Category.objects.create(
            edition=edition,
            key=key,
            name=name,
            price=Decimal(price),
            order=order,
            is_politician=is_politician,
            is_health_council=is_health_council,
            invitation_only=key in INVITATION_ONLY,
        )
    # The kitchen's meals: lunch both days, the dinner the first evening.
    Meal.objects.bulk_create(
        [
            Meal(
                edition=edition, day=edition.start_date, kind=MealKind.LUNCH, name="Frokost dag 1"
            ),
            Meal(
                edition=edition,
                day=edition.start_date,
                kind=MealKind.DINNER,
                name="Middag",
                order=1,
            ),
            Meal(edition=edition, day=edition.end_date, kind=MealKind.LUNCH, name="Frokost dag 2"),
        ]
    )
    sessions = list(Session.objects.filter(slot__edition=edition).order_by("slot", "order", "id"))
    for session in sessions:
        session.capacity = CAPACITY.get(session.kind, 100)
    if sessions:
        sessions[-1].capacity = SMALL_SESSION_CAPACITY
    Session.objects.bulk_update(sessions, ["capacity"])
