"""Next year's edition as a copy of an earlier one."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse

from forsamling.backoffice.next_year import ALSO
from forsamling.conferences.models import Edition
from forsamling.exhibitors.models import Extra
from forsamling.programme.models import Item, Room, Session, VenuePlan
from forsamling.programme.services import publish_programme
from forsamling.registration.copying import copy_edition, copy_edition_in_transaction
from forsamling.registration.models import Category, DinnerTable, Meal, MealKind
from forsamling.surveys.models import Question, Survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition_2023(seed_editions):
    edition = seed_editions[2023]
    Category.objects.create(
        edition=edition, key="politiker", name="Politiker", price=Decimal("3995"), order=1,
        is_politician=True,
    )  # fmt: skip
    Category.objects.create(
        edition=edition, key="stand", name="Standpersonale", price=Decimal("1900"), order=2
    )
    return edition


def test_copy_moves_dates_a_year_keeping_the_weekdays(edition_2023):
    """Thursday–Friday 11.–12. maj 2023 becomes Thursday–Friday 9.–10. maj 2024."""
    copy = copy_edition(source=edition_2023)
    assert (copy.start_date, copy.end_date) == (date(2024, 5, 9), date(2024, 5, 10))
    assert copy.start_date.weekday() == edition_2023.start_date.weekday()
    assert copy.year == 2024
    assert copy.slug == "2024"
    assert copy.title == "KL’s Social- og Sundhedspolitiske Forum 2024"
    assert [d.date for d in copy.programme_days.all()] == [date(2024, 5, 9), date(2024, 5, 10)]


def test_copy_is_not_public_until_an_organiser_says_so(edition_2023):
    """The copy waits for organisers to edit it."""
    assert copy_edition(source=edition_2023).is_public is False


def test_copy_carries_texts_themes_programme_sessions_and_categories(edition_2023):
    """Everything an organiser would otherwise type again comes along."""
    copy = copy_edition(source=edition_2023)
    assert copy.tagline == edition_2023.tagline
    assert copy.venue == "Aalborg Kongres & Kultur Center"
    assert [t.title for t in copy.themes.all()] == [t.title for t in edition_2023.themes.all()]
    assert (
        Item.objects.filter(edition=copy).count()
        == Item.objects.filter(edition=edition_2023).count()
    )
    talks = Item.objects.filter(edition=copy, parent__isnull=False)
    assert talks.exists()
    assert all(talk.parent.edition_id == copy.pk for talk in talks)
    sessions = Session.objects.filter(slot__edition=copy)
    assert sessions.filter(kind="temamoede").count() == 8
    pia = sessions.get(number=3, kind="temamoede").speakers.get()
    assert pia.name == "Pia Kürstein Kjellberg"  # the same speaker, reused
    assert [(c.key, c.price) for c in Category.objects.filter(edition=copy)] == [
        ("politiker", Decimal("3995.00")),
        ("stand", Decimal("1900.00")),
    ]
    assert copy.moderator.speaker == edition_2023.moderator.speaker


def test_copy_has_its_own_stable_ids_and_no_published_versions(edition_2023):
    """The copy's programme is a new draft: new uids, nothing published, the source untouched."""
    publish_programme(edition=edition_2023, comment="Igen")
    copy = copy_edition(source=edition_2023)
    source_uids = set(Item.objects.filter(edition=edition_2023).values_list("uid", flat=True))
    copy_uids = set(Item.objects.filter(edition=copy).values_list("uid", flat=True))
    assert not source_uids & copy_uids
    assert copy.programme_versions.count() == 0
    assert edition_2023.programme_versions.count() == 2


def test_a_second_copy_gets_a_free_address(edition_2023):
    """Copying twice never collides on the slug."""
    first = copy_edition(source=edition_2023)
    second = copy_edition(source=edition_2023)
    assert (first.slug, second.slug) == ("2024", "2024-2")


def test_organiser_copies_an_edition_from_the_back_office(client, edition_2023):
    """The admin action creates the copy and opens it for editing."""
    user = get_user_model().objects.create_superuser("kl", "kl@example.org", "pw")
    client.force_login(user)
    response = client.post(
        reverse("admin:conferences_edition_changelist"),
        {"action": "copy_to_next_year", ACTION_CHECKBOX_NAME: [edition_2023.pk]},
    )
    copy = Edition.objects.get(slug="2024")
    assert response["Location"] == reverse("admin:conferences_edition_change", args=[copy.pk])


def test_copy_carries_meals_dinner_tables_venue_plan_extras_and_survey(edition_2023):
    """Every part an organiser configures comes along, moved to next year's days; nothing
    that belongs to one year's people does (who sits where, the survey's answers)."""
    first_day = edition_2023.start_date
    Meal.objects.create(edition=edition_2023, day=first_day, kind=MealKind.LUNCH, name="Frokost")
    DinnerTable.objects.create(edition=edition_2023, number=7, seats=10)
    Extra.objects.create(edition=edition_2023, name="Strøm (230 V)", price=Decimal("950"))
    room = Room.objects.create(
        edition=edition_2023, name="Sal A", plan_x=Decimal("12.5"), plan_y=Decimal("40")
    )
    plan = VenuePlan(edition=edition_2023, description="Stueetagen")
    plan.image.save("plan.png", ContentFile(b"\x89PNG fake"), save=False)
    plan.save()
    survey = Survey.objects.create(edition=edition_2023)
    Question.objects.create(survey=survey, kind="scale", text="Hvordan var dagen?")

    with transaction.atomic():
        copy = copy_edition_in_transaction(source=edition_2023, also=ALSO)

    meal = Meal.objects.get(edition=copy)
    assert (meal.name, meal.day) == ("Frokost", copy.start_date)
    assert [(t.number, t.seats) for t in DinnerTable.objects.filter(edition=copy)] == [(7, 10)]
    assert [(e.name, e.price) for e in Extra.objects.filter(edition=copy)] == [
        ("Strøm (230 V)", Decimal("950"))
    ]
    copied_room = Room.objects.get(edition=copy, name=room.name)
    assert (copied_room.plan_x, copied_room.plan_y) == (room.plan_x, room.plan_y)
    assert VenuePlan.objects.get(edition=copy).image.name == plan.image.name
    assert [q.text for q in Question.objects.filter(survey__edition=copy)] == ["Hvordan var dagen?"]
