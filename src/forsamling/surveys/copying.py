"""The survey in next year's copy of an edition: its settings and questions, not who was asked
nor what they answered (those belong to one year)."""

from __future__ import annotations

from datetime import timedelta

from forsamling.conferences.models import Edition
from forsamling.core.transactions import require_callers_transaction
from forsamling.surveys.models import Question, Survey


def copy_survey(*, source: Edition, copy: Edition, shift: timedelta) -> None:
    """Runs inside the edition copy's transaction (`registration.copying`)."""
    require_callers_transaction()
    survey = Survey.objects.filter(edition=source).first()
    if survey is None:
        return
    new = Survey.objects.create(
        edition=copy,
        title=survey.title,
        intro=survey.intro,
        audience=survey.audience,
        remind_after_days=survey.remind_after_days,
        closes_at=survey.closes_at + shift if survey.closes_at else None,
        per_theme=survey.per_theme,
    )
    Question.objects.bulk_create(
        Question(
            survey=new,
            part=q.part,
            kind=q.kind,
            text=q.text,
            low_label=q.low_label,
            high_label=q.high_label,
            options=list(q.options),
            required=q.required,
            order=q.order,
        )
        for q in survey.questions.all()
    )
