"""The demo edition: next year's forum, opening a minute after load_demo, e-mails kept in."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.demo.edition import CATEGORIES, DEMO_SLUG, load_demo_edition
from forsamling.outbox.models import SentMessage
from forsamling.programme.models import Session
from forsamling.registration.models import Category, Registration
from forsamling.registration.services import register_participant
from tests.registration import conftest as registration_fixtures
from tests.registration.conftest import details

edition = registration_fixtures.edition  # the registration tests' fixture, shared

pytestmark = pytest.mark.django_db


def test_load_demo_creates_next_years_demo_edition_opening_a_minute_later():
    before = timezone.now()
    call_command("load_demo", verbosity=0)
    after = timezone.now()
    demo = Edition.objects.get(slug=DEMO_SLUG)
    assert demo.is_demo and demo.year == 2027 and "2027" in demo.title
    assert demo.start_date.weekday() == Edition.objects.get(slug="2026").start_date.weekday()
    minute = timedelta(minutes=1)
    assert before + minute - timedelta(seconds=1) <= demo.registration_opens_at <= after + minute
    prices = dict(Category.objects.filter(edition=demo).values_list("key", "price"))
    assert prices["politiker"] == Decimal("3995") and prices["standpersonale"] == Decimal("1900")
    assert not Session.objects.filter(slot__edition=demo, capacity__isnull=True).exists()


def test_load_demo_twice_keeps_one_demo_edition():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    assert Edition.objects.filter(slug=DEMO_SLUG).count() == 1
    assert Category.objects.filter(edition__slug=DEMO_SLUG).count() == len(CATEGORIES) == 7


def open_demo():
    demo, _ = load_demo_edition(timezone.now() - timedelta(minutes=2))
    return demo


def test_the_demo_sends_no_email_and_shows_it_on_the_inbox_page(
    client, django_capture_on_commit_callbacks
):
    demo = open_demo()
    session = Session.objects.filter(slot__edition=demo, audience="everyone").first()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register_participant(
            edition=demo,
            idempotency_key="demo-1",
            details=details(),
            category=Category.objects.get(edition=demo, key="medarbejder"),
            sessions=[session],
        ).registration
    assert mail.outbox == []
    [message] = SentMessage.objects.all()
    assert message.subject.startswith("Tak for din tilmelding") and not message.delivered
    inbox = reverse(
        "public:registration_inbox", kwargs={"edition": demo.slug, "token": registration.token}
    )
    page = client.get(inbox).content.decode()
    assert "Tak for din tilmelding" in page and str(session) in page


def test_a_real_edition_has_no_inbox_page(client, edition):
    registration = register_participant(
        edition=edition,
        idempotency_key="real-1",
        details=details(),
        category=edition.official,
        sessions=[],
    ).registration
    url = reverse(
        "public:registration_inbox", kwargs={"edition": edition.slug, "token": registration.token}
    )
    assert client.get(url).status_code == 404


def test_the_opening_moves_only_while_nobody_has_registered():
    demo = open_demo()
    register_participant(
        edition=demo,
        idempotency_key="demo-2",
        details=details(),
        category=Category.objects.get(edition=demo, key="politiker"),
        sessions=[],
    )
    opened = Edition.objects.get(pk=demo.pk).registration_opens_at
    load_demo_edition(timezone.now())
    assert Edition.objects.get(pk=demo.pk).registration_opens_at == opened
    assert Registration.objects.filter(edition=demo).count() == 1


def test_the_demo_form_counts_down_to_the_opening_with_the_demo_prices(client):
    call_command("load_demo", verbosity=0)
    page = client.get(reverse("public:register", kwargs={"edition": DEMO_SLUG})).content.decode()
    assert "Tilmelding åbner " in page and 'id="countdown"' in page
    assert "Kommunal- eller regionspolitiker – 3.995 kr." in page
    assert "Standpersonale – 1.900 kr." in page
    assert "5 pladser tilbage" in page


def test_demo_edition_is_a_copy_of_2026_moved_a_year(db):
    """The demo is the 2026 edition copied by the organisers' own copy function."""
    from forsamling.demo.load import load_seed_editions

    load_seed_editions()
    demo, _ = load_demo_edition(timezone.now())
    assert demo.start_date == date(2027, 5, 13)  # Thursday of week 19, as 7 May 2026 was
    assert demo.is_demo and demo.is_public
    titles_2026 = set(
        Session.objects.filter(slot__edition__slug="2026").values_list("title", flat=True)
    )
    titles_demo = set(Session.objects.filter(slot__edition=demo).values_list("title", flat=True))
    assert titles_demo == titles_2026
    assert demo.exhibitors_open_at <= timezone.now()
