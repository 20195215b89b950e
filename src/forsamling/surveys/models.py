"""The evaluation survey: its questions, who was asked, and the answers, kept apart.

An `Invitation` is a person's private link (only its hash is stored) and whether they have
answered; a `Response` is one set of answers, found again only through the same link (by a
keyed hash of the link that the invitation does not hold). Nothing points from a response to
an invitation, a registration or a time, so no report or export can join an answer to a
person; the invitations go when the survey closes (`services.forget_recipients`).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import edition_one
from forsamling.conferences.models import Theme
from forsamling.domain.surveys import Kind, Part
from forsamling.programme.models import Session


class Audience(models.TextChoices):
    CHECKED_IN = "checked_in", _("Dem, der blev tjekket ind")
    ALL = "all", _("Alle tilmeldte")


class Survey(models.Model):
    edition = edition_one("survey")
    title = models.CharField(_("titel"), max_length=200, default=_("Evaluering af konferencen"))
    intro = models.TextField(_("indledning"), blank=True)
    audience = models.CharField(
        _("sendes til"), max_length=12, choices=Audience.choices, default=Audience.CHECKED_IN
    )
    remind_after_days = models.PositiveSmallIntegerField(_("påmindelse efter (dage)"), default=7)
    closes_at = models.DateTimeField(_("lukker"), null=True, blank=True)
    per_theme = models.BooleanField(_("spørg også om hvert tema"), default=False)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True, editable=False)
    # The count stays when the invitations go at the closing (the responses are the answered).
    invited = models.PositiveIntegerField(_("inviteret"), default=0, editable=False)
    recipients_forgotten_at = models.DateTimeField(null=True, blank=True, editable=False)
    texts_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("evaluering")
        verbose_name_plural = _("evalueringer")

    def __str__(self) -> str:
        return self.title


PART_CHOICES = [
    (Part.OVERALL.value, _("Hele konferencen")),
    (Part.SESSION.value, _("Hver session, deltageren valgte")),
    (Part.THEME.value, _("Hvert tema")),
]
KIND_CHOICES = [
    (Kind.SCALE.value, _("Skala 1–5")),
    (Kind.SINGLE.value, _("Ét svar")),
    (Kind.MULTIPLE.value, _("Flere svar")),
    (Kind.TEXT.value, _("Fritekst")),
]


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    part = models.CharField(
        _("del"),
        max_length=10,
        choices=PART_CHOICES,
        default=Part.OVERALL,
    )
    kind = models.CharField(
        _("type"),
        max_length=10,
        choices=KIND_CHOICES,
    )
    text = models.CharField(_("spørgsmål"), max_length=300)
    low_label = models.CharField(_("tekst ved 1"), max_length=60, blank=True)
    high_label = models.CharField(_("tekst ved 5"), max_length=60, blank=True)
    options = models.JSONField(_("svarmuligheder"), default=list, blank=True)
    required = models.BooleanField(_("skal besvares"), default=False)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("spørgsmål")
        verbose_name_plural = _("spørgsmål")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text


class Invitation(models.Model):
    """A person's private link to the survey: who was asked and whether they answered."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    # Named by its app label, not imported: surveys sits below registration (whose copy of an
    # edition copies the survey), like the outbox.
    registration = models.ForeignKey(
        "registration.Registration", on_delete=models.CASCADE, related_name="+"
    )
    nonce = models.CharField(max_length=32, editable=False)  # the link's seed (`tokens`)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sessions = models.ManyToManyField(Session, blank=True, related_name="+")
    answered = models.BooleanField(default=False)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation til evaluering")
        verbose_name_plural = _("invitationer til evaluering")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "registration"], name="survey_invitation_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey}: {'svaret' if self.answered else 'ikke svaret'}"


class Response(models.Model):
    """One person's answers, with no link to the person: a random id, no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    key = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("besvarelse")
        verbose_name_plural = _("besvarelser")

    def __str__(self) -> str:
        return str(self.pk)


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    number = models.SmallIntegerField(null=True, blank=True)  # a scale point, an option's index
    choices = models.JSONField(default=list, blank=True)  # multiple choice: the options' indexes
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = _("svar")

    def __str__(self) -> str:
        return f"{self.question}: {self.text or self.choices or self.number}"
