"""The survey's results as the back office, the XLSX and the PDF show them: per question,
overall and per session (and theme), never for a group under five (`domain.surveys`).

Read from the answers alone: nothing here touches the invitations, so nothing in a report
can say who gave an answer. Free texts come sorted, not in the order they were written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from forsamling.conferences.models import Theme
from forsamling.domain import surveys as rules
from forsamling.programme.models import Session
from forsamling.surveys.charts import bar_chart_svg
from forsamling.surveys.models import Answer, Question, Survey

Key = tuple[int, int | None, int | None]  # question, session, theme


@dataclass
class QuestionResult:
    question: Question
    answered: int  # how many answered it in this group
    distribution: rules.Distribution | None = None
    texts: list[str] | None = None
    svg: str = ""

    @property
    def hidden(self) -> bool:
        """Too few answers to show anything but their number."""
        return not rules.may_show(self.answered)

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        """The chart's text table: label, count, whole per cent."""
        if self.distribution is None:
            return []
        d = self.distribution
        return [
            (label, count, round(100 * share))
            for label, count, share in zip(d.labels, d.counts, d.shares, strict=True)
        ]


@dataclass
class Section:
    key: str
    title: str
    results: list[QuestionResult] = field(default_factory=list)


@dataclass
class Report:
    survey: Survey
    invited: int
    responses: int
    sections: list[Section]

    @property
    def min_group(self) -> int:
        return rules.MIN_GROUP


def _value(row: Mapping[str, Any]) -> object:
    return row["text"] or (row["choices"] if row["choices"] else row["number"])


def _result(question: Question, values: list[object], chart_id: str) -> QuestionResult:
    kind = rules.Kind(question.kind)
    given = [v for v in values if v not in (None, "", [])]
    result = QuestionResult(question, len(given))
    if kind == rules.Kind.TEXT:
        result.texts = rules.shown_texts(str(v) for v in given)
        return result
    result.distribution = rules.distribution(
        kind, given, question.options, low=question.low_label, high=question.high_label
    )
    if result.distribution is not None:
        result.svg = bar_chart_svg(result.distribution, title=question.text, chart_id=chart_id)
    return result


def survey_report(survey: Survey) -> Report:
    """Four queries, however many answers."""
    questions = list(survey.questions.all())
    values: dict[Key, list[object]] = defaultdict(list)
    for row in Answer.objects.filter(response__survey=survey).values(
        "question_id", "session_id", "theme_id", "number", "choices", "text"
    ):
        values[(row["question_id"], row["session_id"], row["theme_id"])].append(_value(row))
    session_ids = {key[1] for key in values if key[1] is not None}
    theme_ids = {key[2] for key in values if key[2] is not None}
    sections = [Section("overall", _("Hele konferencen"))]
    for question in questions:
        if question.part == rules.Part.OVERALL:
            sections[0].results.append(
                _result(question, values[(question.pk, None, None)], f"q{question.pk}")
            )
    sessions = (
        Session.objects.filter(pk__in=session_ids)
        .select_related("slot")
        .order_by("slot__starts_at", "order", "number", "id")
    )
    for session in sessions:
        section = Section(f"session-{session.pk}", _("Session: %(s)s") % {"s": session})
        for question in questions:
            if question.part == rules.Part.SESSION:
                key: Key = (question.pk, session.pk, None)
                section.results.append(
                    _result(question, values[key], f"q{question.pk}-s{session.pk}")
                )
        sections.append(section)
    for theme in Theme.objects.filter(pk__in=theme_ids).order_by("order", "id"):
        section = Section(f"theme-{theme.pk}", _("Tema: %(t)s") % {"t": theme.title})
        for question in questions:
            if question.part == rules.Part.THEME:
                key = (question.pk, None, theme.pk)
                section.results.append(
                    _result(question, values[key], f"q{question.pk}-t{theme.pk}")
                )
        sections.append(section)
    return Report(survey, survey.invited, survey.responses.count(), sections)
