"""An edition after its conference with registered participants, some checked in, and a
survey with an overall scale, a free text and a per-session block."""

from __future__ import annotations

from itertools import count

import pytest

from forsamling.checkin.models import CheckIn
from forsamling.checkin.survey_recipients import survey_recipients
from forsamling.registration.services import register_participant
from forsamling.surveys import services
from forsamling.surveys.tokens import link_token
from tests.registration import conftest as registration_fixtures
from tests.registration.conftest import details

edition = registration_fixtures.edition  # the registration tests' fixture (7–8 May 2026)

_keys = count(1)


def register(edition, name, sessions=(), checked_in=True):
    registration = register_participant(
        edition=edition,
        idempotency_key=f"survey-{next(_keys)}",
        details=details(name),
        category=edition.official,
        sessions=list(sessions),
    ).registration
    if checked_in:
        CheckIn.objects.create(registration=registration)
    return registration


def build_survey(edition):
    survey = services.survey_for(edition)
    overall = services.add_question(
        survey=survey, part="overall", kind="scale", text="Hvor tilfreds var du?",
        low_label="Meget utilfreds", high_label="Meget tilfreds", required=True,
    )  # fmt: skip
    text = services.add_question(
        survey=survey, part="overall", kind="text", text="Hvad kan vi gøre bedre?"
    )
    session = services.add_question(
        survey=survey, part="session", kind="single", text="Fik du noget med hjem?",
        options=["Ja", "Nej"],
    )  # fmt: skip
    return survey, overall, text, session


def send(edition, survey):
    """Sends the survey; returns each registration's token, rebuilt from its invitation (only
    the tests do this: the site keeps the tokens nowhere but in the e-mails)."""
    services.send_survey(survey=survey, recipients=survey_recipients(edition, survey.audience))
    return {i.registration_id: link_token(i.nonce) for i in survey.invitations.all()}


@pytest.fixture
def people(edition):
    """Seven checked in (all in the big theme meeting), one registered who never came."""
    came = [
        register(edition, name, sessions=[edition.big_theme])
        for name in (
            "Anna Berg", "Bo Dahl", "Carl Eriksen", "Dorte Friis", "Erik Grøn", "Fie Holm",
            "Gitte Ibsen",
        )
    ]  # fmt: skip
    absent = register(edition, "Hans Juhl", sessions=[edition.big_theme], checked_in=False)
    return came, absent
