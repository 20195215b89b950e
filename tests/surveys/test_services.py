"""The survey's life: built, sent to those who came, answered once and changed, one reminder,
the recipients forgotten at the closing, copied to next year."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from forsamling.conferences.models import Theme
from forsamling.domain import surveys as rules
from forsamling.outbox.models import SentMessage
from forsamling.registration.copying import copy_edition
from forsamling.surveys import services
from forsamling.surveys.models import Answer, Invitation, Response, Survey
from forsamling.surveys.results import survey_report
from tests.racing import race
from tests.surveys.conftest import build_survey, send

pytestmark = pytest.mark.django_db


def test_the_survey_goes_to_those_checked_in_through_the_outbox(edition, people):
    came, _absent = people
    survey, *_ = build_survey(edition)
    tokens = send(edition, survey)
    assert set(tokens) == {r.pk for r in came}
    messages = SentMessage.objects.filter(source__startswith=f"survey:{survey.pk}:invitation:")
    assert sorted(m.to for m in messages) == sorted(r.email for r in came)
    anna = came[0]
    body = messages.get(to=anna.email).body
    assert f"/{edition.slug}/evaluering/{tokens[anna.pk]}/" in body
    assert "Kære Anna Berg" in body
    survey.refresh_from_db()
    assert survey.invited == 7


def test_everyone_registered_when_the_setting_says_all(edition, people):
    _came, absent = people
    survey, *_ = build_survey(edition)
    Survey.objects.filter(pk=survey.pk).update(audience="all")
    survey.refresh_from_db()
    assert absent.pk in send(edition, survey)


def test_the_survey_is_sent_once_and_then_its_questions_are_fixed(edition, people):
    survey, overall, *_ = build_survey(edition)
    send(edition, survey)
    with pytest.raises(rules.NotDraft):
        services.send_survey(survey=survey, recipients=[])
    with pytest.raises(rules.NotDraft):
        services.remove_question(question=overall)
    assert SentMessage.objects.filter(source__contains=":invitation:").count() == 7


def test_an_answer_is_kept_apart_and_can_be_changed_until_the_closing(edition, people):
    came, _ = people
    survey, overall, text, session = build_survey(edition)
    tokens = send(edition, survey)
    token = tokens[came[0].pk]
    big = edition.big_theme.pk
    services.save_answers(
        edition=edition, token=token,
        answers={(overall.pk, None, None): 2, (text.pk, None, None): "Mere pause",
                 (session.pk, big, None): 0},
    )  # fmt: skip
    services.save_answers(edition=edition, token=token, answers={(overall.pk, None, None): 5})
    assert Response.objects.count() == 1
    assert list(Answer.objects.values_list("number", "text")) == [(5, "")]
    assert services.answers_by_token(token) == {(overall.pk, None, None): 5}
    assert Invitation.objects.get(registration=came[0]).answered
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(rules.Closed):
        services.save_answers(edition=edition, token=token, answers={(overall.pk, None, None): 1})


def test_a_session_block_only_for_the_sessions_the_person_chose(edition, people):
    came, _ = people
    survey, _overall, _text, session = build_survey(edition)
    tokens = send(edition, survey)
    with pytest.raises(rules.InvalidAnswer):
        services.save_answers(
            edition=edition,
            token=tokens[came[0].pk],
            answers={(session.pk, edition.small_theme.pk, None): 0},
        )


def test_nothing_joins_a_response_to_a_person(edition, people):
    """No column of a response or answer names an invitation, a registration or a time; the
    invitation holds no hash the response holds."""
    _, survey, _ = sent_and_answered_by_the_first(edition, people)
    for model in (Response, Answer):
        names = {f.name for f in model._meta.get_fields()}
        assert not names & {"invitation", "registration", "created_at", "updated_at", "at"}
        related = {f.related_model._meta.label for f in model._meta.get_fields() if f.is_relation}
        assert not related & {"surveys.Invitation", "registration.Registration"}
    invitation_values = set(str(v) for row in Invitation.objects.values() for v in row.values())
    response_values = set(str(v) for row in Response.objects.values() for v in row.values())
    assert not invitation_values & response_values - {str(survey.pk)}


def sent_and_answered_by_the_first(edition, people):
    """The survey sent to those who came; the first of them answers the overall question.
    Returns those who came, the survey and the tokens of their links."""
    came, _ = people
    survey, overall, *_ = build_survey(edition)
    tokens = send(edition, survey)
    services.save_answers(
        edition=edition, token=tokens[came[0].pk], answers={(overall.pk, None, None): 4}
    )
    return came, survey, tokens


def test_one_reminder_exactly_even_run_twice(edition, people):
    came, _, tokens = sent_and_answered_by_the_first(edition, people)
    assert services.send_reminders() == 0  # not yet: seven days
    later = timezone.now() + timedelta(days=7, minutes=1)
    assert services.send_reminders(now=later) == 6
    assert services.send_reminders(now=later) == 0
    call_command("send_survey_reminders", stdout=io.StringIO())
    reminders = SentMessage.objects.filter(source__contains=":reminder:")
    assert sorted(m.to for m in reminders) == sorted(r.email for r in came[1:])
    body = reminders.get(to=came[1].email).body
    assert f"/evaluering/{tokens[came[1].pk]}/" in body  # the same link as the invitation


@pytest.mark.django_db(transaction=True)
def test_reminders_run_at_once_send_each_once(edition, people):
    survey, *_ = build_survey(edition)
    send(edition, survey)
    later = timezone.now() + timedelta(days=8)
    counts = race([lambda: services.send_reminders(now=later)] * 2)
    assert all(isinstance(c, int) for c in counts), counts
    assert sum(counts) == 7  # type: ignore[arg-type]
    assert SentMessage.objects.filter(source__contains=":reminder:").count() == 7


def test_the_closing_forgets_who_was_asked(edition, people):
    _, survey, _ = sent_and_answered_by_the_first(edition, people)
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    SentMessage.objects.update(status="sent")
    assert services.forget_recipients() > 0
    assert services.forget_recipients() == 0
    assert not Invitation.objects.exists()
    assert not SentMessage.objects.filter(body__contains="/evaluering/").exists()
    survey.refresh_from_db()
    assert (survey.invited, survey.responses.count()) == (7, 1)
    assert services.send_reminders(now=timezone.now() + timedelta(days=30)) == 0


def test_the_survey_is_copied_to_next_year_without_its_answers(edition, people):
    survey, *_ = build_survey(edition)
    send(edition, survey)
    copy = copy_edition(source=edition)
    copied = Survey.objects.get(edition=copy)
    assert [q.text for q in copied.questions.all()] == [q.text for q in survey.questions.all()]
    assert copied.sent_at is None and not copied.invitations.exists()
    assert copied.questions.get(kind="single").options == ["Ja", "Nej"]


def test_a_theme_block_when_the_organisers_ask_about_each_theme(edition, people):
    came, _ = people
    elderly = Theme.objects.create(edition=edition, title="Fremtidens ældrepleje", order=1)
    survey = services.survey_for(edition)
    services.update_survey(
        survey=survey, title="Evaluering", intro="", audience="checked_in",
        remind_after_days=7, closes_at=None, per_theme=True,
    )  # fmt: skip
    question = services.add_question(
        survey=survey, part="theme", kind="scale", text="Hvor relevant var temaet?"
    )
    tokens = send(edition, survey)
    for index, person in enumerate(came[:5]):
        services.save_answers(
            edition=edition,
            token=tokens[person.pk],
            answers={(question.pk, None, elderly.pk): 1 + index},
        )
    sections = survey_report(survey).sections
    theme = next(s for s in sections if s.key == f"theme-{elderly.pk}")
    assert theme.title == "Tema: Fremtidens ældrepleje"
    assert theme.results[0].distribution is not None
    assert theme.results[0].distribution.counts == (1, 1, 1, 1, 1)


def test_theme_answers_are_refused_when_themes_are_not_asked_about(edition, people):
    came, _ = people
    elderly = Theme.objects.create(edition=edition, title="Fremtidens ældrepleje", order=1)
    survey = services.survey_for(edition)
    question = services.add_question(
        survey=survey, part="theme", kind="scale", text="Hvor relevant var temaet?"
    )
    tokens = send(edition, survey)
    with pytest.raises(rules.InvalidAnswer):
        services.save_answers(
            edition=edition, token=tokens[came[0].pk], answers={(question.pk, None, elderly.pk): 3}
        )
