"""The demo's evaluation survey: 2023's, sent after that conference and closed, with answers
enough to show the results (charts, tables, free texts; each group of five or more), and the
same questions as a draft on the demo edition, where the organiser can change and send it.

Answers are made as the anonymous rows the survey keeps (`surveys.models`): a response with a
random key that no link leads to, its answers, and no invitation, as after the closing.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, time, timedelta

from django.db import transaction

from forsamling.conferences.models import Edition
from forsamling.domain import danish
from forsamling.domain.surveys import Kind, Part
from forsamling.programme.models import Session
from forsamling.surveys.models import Answer, Question, Response, Survey

QUESTIONS = [
    dict(part=Part.OVERALL, kind=Kind.SCALE, text="Hvor tilfreds var du med konferencen?",
         low_label="Meget utilfreds", high_label="Meget tilfreds", required=True),
    dict(part=Part.OVERALL, kind=Kind.SINGLE, text="Kommer du igen næste år?",
         options=["Ja", "Måske", "Nej"]),
    dict(part=Part.OVERALL, kind=Kind.MULTIPLE, text="Hvad fik du mest ud af?",
         options=["Oplæggene", "Temamøderne", "Netværket", "Udstillingen"]),
    dict(part=Part.OVERALL, kind=Kind.TEXT, text="Hvad kan vi gøre bedre?"),
    dict(part=Part.SESSION, kind=Kind.SCALE, text="Hvordan var sessionen?",
         low_label="Dårlig", high_label="Fremragende"),
]  # fmt: skip

# One row per response: satisfaction, comes again (index), got most from (indexes), text.
ANSWERS = [
    (5, 0, [0, 2], "Mere tid til spørgsmål fra salen."),
    (4, 0, [1, 2], ""),
    (4, 1, [2], "Bedre skiltning til lokalerne på første sal."),
    (5, 0, [0, 1, 3], ""),
    (3, 1, [2, 3], "Kaffen slap op i pausen om eftermiddagen."),
    (4, 0, [0], ""),
    (2, 2, [3], "For mange oplæg i træk om formiddagen."),
    (5, 0, [0, 1, 2], "Tak for et godt forum."),
]
SESSION_RATINGS = [[5, 4, 4, 5, 3, 4], [3, 4, 2, 4, 3]]  # the first two sessions


def _questions(survey: Survey) -> list[Question]:
    return [
        Question.objects.create(survey=survey, order=order, **spec)  # type: ignore[arg-type]
        for order, spec in enumerate(QUESTIONS, start=1)
    ]


@transaction.atomic(durable=True)
def load_demo_survey(past: Edition, demo: Edition) -> Survey | None:
    """2023's closed survey with its answers, and the demo edition's draft; an edition that
    has a survey already keeps it as it is. Returns 2023's survey when it was made now."""
    if not Survey.objects.filter(edition=demo).exists():
        _questions(Survey.objects.create(edition=demo))
    if Survey.objects.filter(edition=past).exists():
        return None
    sent_at = danish.to_local(datetime.combine(past.end_date + timedelta(days=1), time(9)))
    survey = Survey.objects.create(
        edition=past,
        sent_at=sent_at,
        closes_at=sent_at + timedelta(days=21),
        recipients_forgotten_at=sent_at + timedelta(days=21),
        invited=14,
    )
    scale, again, most, better, session_scale = _questions(survey)
    sessions = list(
        Session.objects.filter(slot__edition=past).order_by(
            "slot__day__date", "slot__starts_at", "pk"
        )
    )
    for n, (satisfied, comes, got, text) in enumerate(ANSWERS):
        key = hashlib.sha256(f"demo-survey-{past.slug}-{n}".encode()).hexdigest()
        response = Response.objects.create(survey=survey, key=key)
        rows = [
            Answer(response=response, question=scale, number=satisfied),
            Answer(response=response, question=again, number=comes),
            Answer(response=response, question=most, choices=got),
        ]
        if text:
            rows.append(Answer(response=response, question=better, text=text))
        for session, ratings in zip(sessions, SESSION_RATINGS, strict=False):
            if n < len(ratings):
                rows.append(
                    Answer(
                        response=response,
                        question=session_scale,
                        session=session,
                        number=ratings[n],
                    )
                )
        Answer.objects.bulk_create(rows)
    return survey
