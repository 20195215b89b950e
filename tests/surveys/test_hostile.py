"""The survey's forms posted the way a careless script would: never a 5xx, nothing stored
when refused (tests/hostile.py reads the forms from the pages)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import fuzz_page
from tests.surveys.conftest import build_survey, send

pytestmark = pytest.mark.django_db
FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def built(edition, people):
    return build_survey(edition)[0]


@pytest.fixture
def answer_page(edition, people, built):
    came, _ = people
    return f"/{edition.slug}/evaluering/{send(edition, built)[came[0].pk]}/"


@FUZZ
@given(data=st.data())
def test_the_organisers_survey_page(organiser_client, edition, built, data):
    fuzz_page(organiser_client, f"/backoffice/konference/{edition.slug}/evaluering/", data)


@FUZZ
@given(data=st.data())
def test_the_participants_answer_page(client, answer_page, data):
    fuzz_page(client, answer_page, data)
