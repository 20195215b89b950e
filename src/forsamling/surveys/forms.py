"""The participant's answer form, made from the survey's questions: the overall questions,
then the session block once for each session the person chose (and each theme, if asked)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forsamling.conferences.models import Theme
from forsamling.core.validators import SafeTextMixin
from forsamling.domain import surveys as rules
from forsamling.programme.models import Session
from forsamling.surveys.models import Question, Survey
from forsamling.surveys.services import AnswerKey

TEXT_MAX = 3000
REQUIRED = gettext_lazy("Besvar spørgsmålet.")


@dataclass
class Block:
    title: str
    names: list[str] = field(default_factory=list)
    key: str = ""


def _field(question: Question, label: str) -> forms.Field:
    kind = rules.Kind(question.kind)
    messages: dict[str, Any] = {"required": REQUIRED, "invalid_choice": _("Vælg et af svarene.")}
    if kind == rules.Kind.SCALE:
        choices = [
            (str(v), label)
            for v, label in zip(
                rules.SCALE,
                rules.scale_labels(question.low_label, question.high_label),
                strict=True,
            )
        ]
        return forms.TypedChoiceField(
            label=label, choices=choices, coerce=int, empty_value=None,
            widget=forms.RadioSelect, required=question.required, error_messages=messages,
        )  # fmt: skip
    if kind == rules.Kind.SINGLE:
        return forms.TypedChoiceField(
            label=label, choices=[(str(i), o) for i, o in enumerate(question.options)],
            coerce=int, empty_value=None, widget=forms.RadioSelect,
            required=question.required, error_messages=messages,
        )  # fmt: skip
    if kind == rules.Kind.MULTIPLE:
        return forms.TypedMultipleChoiceField(
            label=label, choices=[(str(i), o) for i, o in enumerate(question.options)],
            coerce=int, widget=forms.CheckboxSelectMultiple,
            required=question.required, error_messages=messages,
        )  # fmt: skip
    return forms.CharField(
        label=label, required=question.required, max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": REQUIRED,
            "max_length": _("Skriv højst %(limit_value)d tegn (du har skrevet %(show_value)d)."),
        },
    )  # fmt: skip


class AnswerForm(SafeTextMixin, forms.Form):
    def __init__(
        self,
        *args: Any,
        survey: Survey,
        sessions: list[Session],
        themes: list[Theme],
        initial_answers: dict[AnswerKey, object] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.keys: dict[str, AnswerKey] = {}
        self.blocks: list[Block] = []
        questions = list(survey.questions.all())
        initial_answers = initial_answers or {}

        def add(block: Block, question: Question, session: int | None, theme: int | None) -> None:
            name = (
                f"q{question.pk}"
                + (f"_s{session}" if session else "")
                + (f"_t{theme}" if theme else "")
            )
            self.fields[name] = _field(question, question.text)
            if block.key != "overall":
                # The same question is asked once per session or theme: the error summary
                # names which one, or its lines would read alike.
                self.fields[name].summary_label = f"{block.title} \u2013 {question.text}"  # type: ignore[attr-defined]
            key = (question.pk, session, theme)
            self.keys[name] = key
            value = initial_answers.get(key)
            if value is not None:
                self.initial[name] = (
                    [str(v) for v in value] if isinstance(value, list) else
                    str(value) if isinstance(value, int) else value
                )  # fmt: skip
            block.names.append(name)

        overall = Block(_("Konferencen som helhed"), key="overall")
        for question in questions:
            if question.part == rules.Part.OVERALL:
                add(overall, question, None, None)
        if overall.names:
            self.blocks.append(overall)
        per_session = [q for q in questions if q.part == rules.Part.SESSION]
        for session in sessions if per_session else []:
            block = Block(_("Session: %(s)s") % {"s": session}, key=f"s{session.pk}")
            for question in per_session:
                add(block, question, session.pk, None)
            self.blocks.append(block)
        per_theme = [q for q in questions if q.part == rules.Part.THEME]
        for theme in themes if per_theme and survey.per_theme else []:
            block = Block(_("Tema: %(t)s") % {"t": theme.title}, key=f"t{theme.pk}")
            for question in per_theme:
                add(block, question, None, theme.pk)
            self.blocks.append(block)

    def bound_blocks(self) -> list[tuple[Block, list[forms.BoundField]]]:
        return [(block, [self[name] for name in block.names]) for block in self.blocks]

    def answers(self) -> dict[AnswerKey, object]:
        return {self.keys[name]: value for name, value in self.cleaned_data.items()}
