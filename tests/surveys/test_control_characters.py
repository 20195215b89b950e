"""The survey builder refuses control characters like every other form: the title, the
introduction, a question's text, its scale's labels and its options. Nothing refused is
stored."""

from __future__ import annotations

import pytest

from forsamling.surveys.models import Question, Survey

pytestmark = pytest.mark.django_db

CONTROL = "usynligt styretegn"
ONE_LINE = "Feltet må kun have én linje"
HIDDEN = ["\x01", "\x1f", "\x85", "\u202e"]
BREAKS = ["\r", "\n"]


def path(edition) -> str:
    return f"/backoffice/konference/{edition.slug}/evaluering/"


def settings_data(**changed) -> dict:
    return {"save_settings": "", "title": "Evaluering", "intro": "", "audience": "checked_in",
            "remind_after_days": "3", "closes_at": "", **changed}  # fmt: skip


@pytest.mark.parametrize(
    ("field", "character"),
    [("title", c) for c in HIDDEN + BREAKS] + [("intro", c) for c in HIDDEN],
)
def test_the_surveys_settings_refuse_the_character(organiser_client, edition, field, character):
    response = organiser_client.post(path(edition), settings_data(**{field: f"Tak{character}!"}))
    assert response.status_code == 400
    assert (ONE_LINE if character in BREAKS else CONTROL) in response.content.decode()
    assert not Survey.objects.filter(**{f"{field}__contains": character}).exists()


def test_the_introduction_keeps_its_line_breaks(organiser_client, edition):
    organiser_client.post(path(edition), settings_data(intro="Linje 1\r\nLinje 2"))
    assert Survey.objects.get().intro == "Linje 1\r\nLinje 2"


@pytest.mark.parametrize(
    ("field", "character"),
    [(f, c) for f in ("text", "low_label", "high_label") for c in HIDDEN + BREAKS]
    + [("options", c) for c in HIDDEN],
)
def test_a_question_refuses_the_character(organiser_client, edition, field, character):
    data = {"add_question": "", "part": "overall", "kind": "scale", "text": "Hvor tilfreds?",
            "low_label": "Lidt", "high_label": "Meget", "options": "Ja\nNej"}  # fmt: skip
    data[field] = f"{data[field]}{character}x"
    response = organiser_client.post(path(edition), data)
    assert response.status_code == 400
    assert (ONE_LINE if character in BREAKS else CONTROL) in response.content.decode()
    assert not Question.objects.exists()
