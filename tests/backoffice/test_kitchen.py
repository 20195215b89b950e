"""The kitchen list: counts per meal that add up, the special needs by name, for organisers
only (the needs may be health data), and gone with the needs when the rules delete them."""

import io
import uuid
from datetime import date

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from forsamling.accounts.roles import grant_role
from forsamling.domain.meals import DIETS
from forsamling.domain.permissions import Role
from forsamling.outputs.kitchen import kitchen_rows
from forsamling.privacy.anonymise import erase_needs
from forsamling.registration.meals import kitchen
from forsamling.registration.models import Meal, MealKind, Registration
from tests.backoffice.conftest import make_user, register
from tests.outputs.pdf_text import needs_poppler, pdf_text

DAY_1, DAY_2 = date(2026, 5, 7), date(2026, 5, 8)
PAGES = ("koekken/", "koekken/liste.pdf", "koekken/liste.xlsx")


@pytest.fixture
def meals(conference):
    edition = conference.edition
    return [
        Meal.objects.create(edition=edition, day=DAY_1, kind=MealKind.LUNCH, name="Frokost dag 1"),
        Meal.objects.create(
            edition=edition, day=DAY_1, kind=MealKind.DINNER, name="Middag", order=1
        ),
        Meal.objects.create(edition=edition, day=DAY_2, kind=MealKind.LUNCH, name="Frokost dag 2"),
    ]


@pytest.fixture
def eaters(conference, meals):
    c = conference
    return [
        register(c, "Aase Ørum", dinner=True, diets=("vegetarian",)),
        register(c, "Bo Andersen", dinner=True, diets=("vegan", "sesame"), dietary="ingen løg"),
        register(c, "Carl Dam", diets=("gluten",), days=(DAY_2.isoformat(),)),
        register(c, "Dorte Eg"),
    ]


def url(conference, page):
    return f"/backoffice/konference/{conference.edition.slug}/{page}"


def by_name(lines):
    return {line.meal.name: line.count for line in lines}


def test_each_meal_counts_who_is_there_that_day_and_for_dinner_who_said_yes(conference, eaters):
    counts = by_name(kitchen(conference.edition))
    assert counts["Frokost dag 1"].total == 3  # Carl comes on day 2 only
    assert counts["Frokost dag 1"].main == {"standard": 1, "vegetarian": 1, "vegan": 1}
    assert counts["Middag"].total == 2
    assert counts["Frokost dag 2"].total == 4
    assert counts["Frokost dag 2"].allergens["gluten"] == 1
    assert [e.name for e in counts["Frokost dag 2"].special] == ["Bo Andersen", "Carl Dam"]


def test_a_cancelled_participant_eats_nothing(conference, eaters):
    Registration.objects.filter(name="Dorte Eg").update(status="cancelled")
    assert by_name(kitchen(conference.edition))["Frokost dag 2"].total == 3


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(
        st.tuples(
            st.lists(st.sampled_from(DIETS), unique=True, max_size=3),
            st.lists(st.sampled_from([DAY_1, DAY_2]), unique=True),
            st.booleans(),
        ),
        max_size=8,
    )
)
def test_the_kitchen_counts_add_up_to_the_people_registered(conference, meals, people):
    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            for diets, days, dinner in people:
                register(
                    conference,
                    f"Person {uuid.uuid4().hex[:6]}",
                    diets=tuple(diets),
                    days=tuple(day.isoformat() for day in days),
                    dinner=dinner,
                )
            raise Rollback(by_name(kitchen(conference.edition)))
    except Rollback as outcome:
        counts = outcome.args[0]
    there = {day: [p for p in people if not p[1] or day in p[1]] for day in (DAY_1, DAY_2)}
    assert counts["Frokost dag 1"].total == len(there[DAY_1])
    assert counts["Frokost dag 2"].total == len(there[DAY_2])
    assert counts["Middag"].total == sum(1 for p in there[DAY_1] if p[2])
    for count in counts.values():
        assert sum(count.main.values()) == count.total


def test_the_spreadsheet_names_the_special_needs_and_its_counts_add_up(
    client, conference, eaters, users
):
    client.force_login(users.organiser)
    response = client.get(url(conference, "koekken/liste.xlsx"))
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Måltid", "Dag", "Hvad", "Antal")
    dinner = {row[2]: row[3] for row in rows if row[0] == "Middag" and not row[4]}
    assert dinner["I alt"] == dinner["Almindelig"] + dinner["Vegetar"] + dinner["Veganer"] == 2
    assert ("Frokost dag 2", "Særlig kost", "Bo Andersen", "Veganer, Sesam; ingen løg") in {
        (row[0], row[2], row[4], row[6]) for row in rows
    }


@needs_poppler
def test_the_pdf_has_a_page_per_meal_with_its_counts_and_names(client, conference, eaters, users):
    client.force_login(users.organiser)
    response = client.get(url(conference, "koekken/liste.pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert text.count("\f") == 3
    lunch_2 = text.split("\f")[2]
    assert "Frokost dag 2" in lunch_2 and "4 kuverter" in lunch_2
    assert "Carl Dam" in lunch_2 and "Gluten" in lunch_2


def test_the_page_shows_the_counts(client, conference, eaters, users):
    client.force_login(users.organiser)
    body = client.get(url(conference, "koekken/")).content.decode()
    assert "Frokost dag 2" in body and "<strong>4</strong>" in body


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["viewer", "checkin", "no_role", "jury"])
def test_roles_that_do_not_need_the_diets_are_refused(client, conference, users, who, page):
    if who == "jury":
        user = make_user("juror")
        grant_role(user=user, edition=conference.edition, role=Role.JURY)
    else:
        user = getattr(users, who)
    client.force_login(user)
    assert client.get(url(conference, page)).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_organisers_get_in(client, conference, meals, users, page):
    client.force_login(users.organiser)
    assert client.get(url(conference, page)).status_code == 200


def test_the_list_has_no_names_once_the_needs_are_erased(conference, eaters):
    erase_needs(conference.edition)
    assert not Registration.objects.exclude(diets=[]).exists()
    rows = kitchen_rows(kitchen(conference.edition))
    assert not [row for row in rows if row[2] == "Særlig kost"]
    assert by_name(kitchen(conference.edition))["Frokost dag 2"].total == 4
