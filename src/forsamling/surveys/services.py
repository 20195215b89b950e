"""Every change to a survey: one function each, one transaction, e-mails through the outbox.

The recipients are handed in by the caller (the back office asks check-in who came): this app
sits below registration and check-in, and knows a person only as a registration's id, an
address to write to and the sessions to ask about.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.domain import surveys as rules
from forsamling.outbox import sending
from forsamling.outbox.models import MessageStatus, SentMessage
from forsamling.surveys import tokens
from forsamling.surveys.models import Answer, Invitation, Question, Response, Survey

REMOVED_BODY = "[Teksten med det personlige link er slettet, da evalueringen er lukket.]"
ANONYMOUS_DOMAIN = "@anonym.invalid"  # an anonymised registration's address gets no reminder


@dataclass(frozen=True)
class Recipient:
    registration_id: int
    email: str
    name: str
    session_ids: tuple[int, ...] = field(default=())


def survey_for(edition: Edition) -> Survey:
    """The edition's survey, made (empty, a draft) the first time an organiser opens it."""
    with transaction.atomic(durable=True):
        survey, _created = Survey.objects.get_or_create(edition=edition)
    return survey


def update_survey(
    *,
    survey: Survey,
    title: str,
    intro: str,
    audience: str,
    remind_after_days: int,
    closes_at: datetime | None,
    per_theme: bool,
    now: datetime | None = None,
) -> Survey:
    """The survey's settings; the closing moment may move (later, to keep it open) after it
    was sent, the rest only in the draft."""
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        rules.check_closing(closes_at=closes_at, now=now)
        if locked.sent_at is None:
            locked.title, locked.intro, locked.audience = title, intro, audience
            locked.remind_after_days, locked.per_theme = remind_after_days, per_theme
        locked.closes_at = closes_at
        locked.save()
    return locked


def add_question(
    *,
    survey: Survey,
    part: str,
    kind: str,
    text: str,
    low_label: str = "",
    high_label: str = "",
    options: Iterable[str] = (),
    required: bool = False,
) -> Question:
    with transaction.atomic(durable=True):
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        rules.may_edit(sent_at=locked.sent_at)
        last = locked.questions.order_by("-order").values_list("order", flat=True).first()
        wanted = [o.strip() for o in options if o.strip()]
        return Question.objects.create(
            survey=locked,
            part=part,
            kind=kind,
            text=text,
            low_label=low_label if kind == rules.Kind.SCALE else "",
            high_label=high_label if kind == rules.Kind.SCALE else "",
            options=wanted if kind in (rules.Kind.SINGLE, rules.Kind.MULTIPLE) else [],
            required=required,
            order=(last or 0) + 1,
        )


def remove_question(*, question: Question) -> None:
    with transaction.atomic(durable=True):
        locked = Survey.objects.select_for_update().get(pk=question.survey_id)
        rules.may_edit(sent_at=locked.sent_at)
        question.delete()


def _link(survey: Survey, token: str) -> str:
    path = reverse("public:survey", kwargs={"edition": survey.edition.slug, "token": token})
    return f"{settings.SITE_URL}{path}"


def _queue(survey: Survey, kind: str, recipient: Recipient, token: str, source: str) -> None:
    context = {
        "survey": survey,
        "edition": survey.edition,
        "name": recipient.name,
        "link": _link(survey, token),
    }
    sending.queue(
        to=recipient.email,
        subject=f"{survey.title}: {survey.edition.title}"
        if kind == "invitation"
        else f"Påmindelse: {survey.title}",
        body=render_to_string(f"surveys/email/{kind}.txt", context),
        edition=survey.edition,
        registration_id=recipient.registration_id,
        source=source,
    )


def send_survey(
    *, survey: Survey, recipients: Iterable[Recipient], now: datetime | None = None
) -> int:
    """Sends the survey once, after the conference: an invitation with a private link to each
    recipient, queued in the outbox in the same transaction. Returns how many."""
    now = now or timezone.now()
    people = list(recipients)
    with transaction.atomic(durable=True):
        locked = Survey.objects.select_for_update().select_related("edition").get(pk=survey.pk)
        rules.may_send(
            sent_at=locked.sent_at,
            conference_end=locked.edition.end_date,
            today=timezone.localdate(now),
            questions=locked.questions.count(),
        )
        rules.check_closing(closes_at=locked.closes_at, now=now)
        for person in people:
            nonce = tokens.new_nonce()
            token = tokens.link_token(nonce)
            invitation = Invitation.objects.create(
                survey=locked,
                registration_id=person.registration_id,
                nonce=nonce,
                token_hash=tokens.invitation_hash(token),
            )
            invitation.sessions.set(person.session_ids)
            _queue(
                locked,
                "invitation",
                person,
                token,
                f"survey:{locked.pk}:invitation:{invitation.pk}",
            )
        locked.sent_at = now
        locked.invited = len(people)
        locked.save(update_fields=["sent_at", "invited"])
    return len(people)


def invitation_by_token(edition: Edition, token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("survey", "survey__edition")
        .filter(survey__edition=edition, token_hash=tokens.invitation_hash(token))
        .first()
    )


AnswerKey = tuple[int, int | None, int | None]  # question, session, theme


def save_answers(
    *,
    edition: Edition,
    token: str,
    answers: Mapping[AnswerKey, object],
    now: datetime | None = None,
) -> Response:
    """Keeps the person's answers, replacing any given before through the same link.

    The invitation is only marked answered; the response is found by a keyed hash of the
    token, which the invitation does not hold (`tokens`)."""
    now = now or timezone.now()
    with transaction.atomic(durable=True):
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("survey")
            .filter(survey__edition=edition, token_hash=tokens.invitation_hash(token))
            .first()
        )
        if invitation is None:
            raise rules.Closed
        survey = invitation.survey
        if not rules.is_open(sent_at=survey.sent_at, closes_at=survey.closes_at, now=now):
            raise rules.Closed
        questions = {q.pk: q for q in survey.questions.all()}
        sessions = set(invitation.sessions.values_list("pk", flat=True))
        themes = set(survey.edition.themes.values_list("pk", flat=True))
        rows = []
        for (question_id, session_id, theme_id), value in answers.items():
            question = questions.get(question_id)
            if question is None or not _asked(question, session_id, theme_id, sessions, themes):
                raise rules.InvalidAnswer
            cleaned = rules.clean_answer(rules.Kind(question.kind), value, question.options)
            if cleaned is None:
                continue
            rows.append(
                Answer(
                    question=question,
                    session_id=session_id,
                    theme_id=theme_id,
                    number=cleaned if isinstance(cleaned, int) else None,
                    choices=cleaned if isinstance(cleaned, list) else [],
                    text=cleaned if isinstance(cleaned, str) else "",
                )
            )
        response, _created = Response.objects.get_or_create(
            key=tokens.response_key(token), defaults={"survey": survey}
        )
        response.answers.all().delete()
        for row in rows:
            row.response = response
        Answer.objects.bulk_create(rows)
        if not invitation.answered:
            invitation.answered = True
            invitation.save(update_fields=["answered"])
    return response


def _asked(
    question: Question, session_id: int | None, theme_id: int | None, sessions: set, themes: set
) -> bool:
    if question.part == rules.Part.SESSION:
        return theme_id is None and session_id in sessions
    if question.part == rules.Part.THEME:
        return session_id is None and theme_id in themes and question.survey.per_theme
    return session_id is None and theme_id is None


def answers_by_token(token: str) -> dict[AnswerKey, object]:
    """What the person answered before, to show it again on their link."""
    found: dict[AnswerKey, object] = {}
    for answer in Answer.objects.filter(response__key=tokens.response_key(token)):
        key = (answer.question_id, answer.session_id, answer.theme_id)
        found[key] = answer.text or (answer.choices if answer.choices else answer.number)
    return found


def send_reminders(*, now: datetime | None = None) -> int:
    """One reminder to each person who has not answered once the survey's pause has passed.

    Idempotent, also when two runs overlap: each reminder is claimed by an UPDATE that only
    succeeds while `reminded_at` is empty, in the transaction that queues its e-mail (whose
    outbox `source` is unique as well). Returns how many were sent by this run."""
    now = now or timezone.now()
    sent = 0
    surveys = Survey.objects.filter(sent_at__isnull=False).filter(
        Q(closes_at__isnull=True) | Q(closes_at__gt=now)
    )
    for survey in surveys.select_related("edition"):
        if not rules.reminder_due(
            sent_at=survey.sent_at,
            closes_at=survey.closes_at,
            remind_after=timedelta(days=survey.remind_after_days),
            now=now,
            answered=False,
            reminded=False,
        ):
            continue
        due = (
            Invitation.objects.filter(survey=survey, answered=False, reminded_at__isnull=True)
            .exclude(registration__email__endswith=ANONYMOUS_DOMAIN)
            .values_list("pk", flat=True)
        )
        for pk in list(due):
            sent += _remind(survey, pk, now)
    return sent


def _remind(survey: Survey, invitation_pk: int, now: datetime) -> int:
    with transaction.atomic(durable=True):
        claimed = Invitation.objects.filter(
            pk=invitation_pk, answered=False, reminded_at__isnull=True
        ).update(reminded_at=now)
        if not claimed:
            return 0
        invitation = Invitation.objects.select_related("registration").get(pk=invitation_pk)
        registration = invitation.registration
        token = tokens.link_token(invitation.nonce)  # the same link as the invitation's
        person = Recipient(registration.pk, registration.email, registration.name)
        _queue(survey, "reminder", person, token, f"survey:{survey.pk}:reminder:{invitation.pk}")
    return 1


def forget_recipients(*, now: datetime | None = None) -> int:
    """Once a survey has closed, its invitations go (the count stays on the survey) and the
    survey's e-mails lose their text with the private link. Idempotent; returns the rows."""
    now = now or timezone.now()
    gone = 0
    closed = Survey.objects.filter(
        sent_at__isnull=False, closes_at__lte=now, recipients_forgotten_at__isnull=True
    )
    for survey in closed:
        with transaction.atomic(durable=True):
            gone += (
                Invitation.objects.filter(survey=survey).delete()[1].get(Invitation._meta.label, 0)
            )
            gone += (
                SentMessage.objects.filter(source__startswith=f"survey:{survey.pk}:")
                .exclude(status=MessageStatus.WAITING)
                .exclude(body=REMOVED_BODY)
                .update(body=REMOVED_BODY)
            )
            Survey.objects.filter(pk=survey.pk).update(recipients_forgotten_at=now)
    return gone


def erase_free_texts(edition: Edition, now: datetime | None = None) -> int:
    """The edition's free-text answers are emptied with the rest of its personal data (they
    may name someone); the scale and choice answers stay as figures. Idempotent.

    Not durable: it joins the caller's transaction (the retention's for the edition)."""
    now = now or timezone.now()
    with transaction.atomic():
        emptied = (
            Answer.objects.filter(response__survey__edition=edition)
            .exclude(text="")
            .update(text="")
        )
        Invitation.objects.filter(survey__edition=edition).delete()
        Survey.objects.filter(edition=edition, texts_erased_at__isnull=True).update(
            texts_erased_at=now
        )
    return emptied
