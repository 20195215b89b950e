"""The survey's personal data: an erasure takes the person's invitation and cuts their name
out of others' free texts; the edition's retention empties every free text and keeps the
figures."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone

from forsamling.privacy.erasure import erase_person, person_of
from forsamling.privacy.retention import apply_retention
from forsamling.surveys import services
from forsamling.surveys.models import Answer, Invitation
from forsamling.surveys.results import survey_report
from tests.surveys.conftest import build_survey, send

pytestmark = pytest.mark.django_db


def test_an_erasure_takes_the_invitation_and_the_name_in_a_free_text(edition, people):
    came, _ = people
    survey, overall, text, _session = build_survey(edition)
    tokens = send(edition, survey)
    anna, bo = came[0], came[1]
    services.save_answers(
        edition=edition,
        token=tokens[bo.pk],
        answers={(overall.pk, None, None): 5, (text.pk, None, None): f"{anna.name} talte godt"},
    )
    with transaction.atomic():
        erase_person(person_of(anna), timezone.now())
    assert not Invitation.objects.filter(registration=anna).exists()
    answer = Answer.objects.get(question=text)
    assert anna.name not in answer.text
    assert "talte godt" in answer.text
    assert Answer.objects.get(question=overall).number == 5


def test_the_retention_empties_the_free_texts_and_keeps_the_figures(edition, people):
    came, _ = people
    survey, overall, text, _session = build_survey(edition)
    tokens = send(edition, survey)
    for index, person in enumerate(came[:5]):
        services.save_answers(
            edition=edition,
            token=tokens[person.pk],
            answers={(overall.pk, None, None): 1 + index, (text.pk, None, None): f"Tekst {index}"},
        )
    before = survey_report(survey).sections[0].results[0].distribution
    apply_retention(edition=edition)  # six months after 8 May 2026 have passed
    assert not Answer.objects.exclude(text="").exists()
    assert not Invitation.objects.exists()
    after = survey_report(survey).sections[0].results[0].distribution
    assert after == before and after is not None
    assert apply_retention(edition=edition) == []  # nothing more to do
