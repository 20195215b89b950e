"""The survey in next year's copy of an edition: its settings and questions, not who was asked
nor what they answered (those belong to one year)."""

from __future__ import annotations

from datetime import timedelta

from forsamling.conferences.models import Edition
from forsamling.core.copying import values_of
from forsamling.core.transactions import require_callers_transaction
from forsamling.surveys.models import Question, Survey

SURVEY_FIELDS = ("title", "intro", "audience", "remind_after_days", "per_theme")
QUESTION_FIELDS = ("part", "kind", "text", "low_label", "high_label", "required", "order")


def copy_survey(*, source: Edition, copy: Edition, shift: timedelta) -> None:
    """Runs inside the edition copy's transaction (`registration.copying`)."""
    require_callers_transaction()
    survey = Survey.objects.filter(edition=source).first()
    if survey is None:
        return
    new = Survey.objects.create(
        **values_of(survey, SURVEY_FIELDS),
        edition=copy,
        closes_at=survey.closes_at + shift if survey.closes_at else None,
    )
    Question.objects.bulk_create(
        Question(**values_of(q, QUESTION_FIELDS), survey=new, options=list(q.options))
        for q in survey.questions.all()
    )
