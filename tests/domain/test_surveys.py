"""The survey's rules, without a database."""

from datetime import date, datetime, timedelta

import pytest

from forsamling.domain import surveys as rules
from forsamling.domain.surveys import Kind

NOW = datetime(2026, 5, 20, 12, 0)


def test_a_group_of_four_is_hidden_and_five_is_shown():
    assert not rules.may_show(4)
    assert rules.may_show(5)
    assert rules.distribution(Kind.SCALE, [5, 4, 4, 3], []) is None
    shown = rules.distribution(Kind.SCALE, [5, 4, 4, 3, 1], [], low="Dårlig", high="God")
    assert shown is not None
    assert shown.counts == (1, 0, 1, 2, 1)
    assert shown.mean == 3.4
    assert shown.labels[0] == "1 (Dårlig)" and shown.labels[4] == "5 (God)"


def test_unanswered_questions_do_not_count_towards_the_group():
    assert rules.distribution(Kind.SINGLE, [0, 1, None, 0, "", 1], ["Ja", "Nej"]) is None


def test_multiple_choice_counts_each_ticked_option():
    shown = rules.distribution(Kind.MULTIPLE, [[0, 1], [1], [0], [2], [1, 2]], ["A", "B", "C"])
    assert shown is not None
    assert shown.counts == (2, 3, 2)
    assert shown.respondents == 5


def test_free_texts_are_shown_sorted_and_only_from_five():
    assert rules.shown_texts(["b", "a", "", None, "c", "d"]) is None
    assert rules.shown_texts(["e", "b", "a", "c", "d"]) == ["a", "b", "c", "d", "e"]
    assert rules.distribution(Kind.TEXT, ["a"] * 9, []) is None


@pytest.mark.parametrize(
    ("kind", "value", "options", "stored"),
    [
        (Kind.SCALE, 3, [], 3),
        (Kind.SINGLE, 1, ["a", "b"], 1),
        (Kind.MULTIPLE, [1, 0, 1], ["a", "b"], [0, 1]),
        (Kind.TEXT, "  godt  ", [], "godt"),
        (Kind.TEXT, "   ", [], None),
        (Kind.SCALE, None, [], None),
    ],
)
def test_an_answer_is_stored_in_its_plain_form(kind, value, options, stored):
    assert rules.clean_answer(kind, value, options) == stored


@pytest.mark.parametrize(
    ("kind", "value", "options"),
    [
        (Kind.SCALE, 6, []),
        (Kind.SCALE, True, []),
        (Kind.SINGLE, 2, ["a", "b"]),
        (Kind.MULTIPLE, [0, 5], ["a", "b"]),
        (Kind.TEXT, 7, []),
    ],
)
def test_an_impossible_answer_is_refused(kind, value, options):
    with pytest.raises(rules.InvalidAnswer):
        rules.clean_answer(kind, value, options)


def test_the_survey_is_sent_once_after_the_conference_with_questions():
    rules.may_send(
        sent_at=None, conference_end=date(2026, 5, 8), today=date(2026, 5, 8), questions=1
    )
    with pytest.raises(rules.TooEarly):
        rules.may_send(
            sent_at=None, conference_end=date(2026, 5, 8), today=date(2026, 5, 7), questions=1
        )
    with pytest.raises(rules.NoQuestions):
        rules.may_send(
            sent_at=None, conference_end=date(2026, 5, 8), today=date(2026, 5, 9), questions=0
        )
    with pytest.raises(rules.NotDraft):
        rules.may_send(
            sent_at=NOW, conference_end=date(2026, 5, 8), today=date(2026, 5, 9), questions=1
        )


def test_answers_are_taken_from_the_sending_until_the_closing():
    assert not rules.is_open(sent_at=None, closes_at=None, now=NOW)
    assert rules.is_open(sent_at=NOW, closes_at=NOW + timedelta(seconds=1), now=NOW)
    assert not rules.is_open(sent_at=NOW, closes_at=NOW, now=NOW)


def test_one_reminder_after_the_pause_to_those_who_have_not_answered():
    due = {
        "sent_at": NOW,
        "closes_at": NOW + timedelta(days=30),
        "remind_after": timedelta(days=7),
        "answered": False,
        "reminded": False,
    }
    assert not rules.reminder_due(**due, now=NOW + timedelta(days=6))
    assert rules.reminder_due(**due, now=NOW + timedelta(days=7))
    assert not rules.reminder_due(**{**due, "answered": True}, now=NOW + timedelta(days=8))
    assert not rules.reminder_due(**{**due, "reminded": True}, now=NOW + timedelta(days=8))
    assert not rules.reminder_due(**due, now=NOW + timedelta(days=31))
