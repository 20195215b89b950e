"""The evaluation survey in Django's admin: its settings and questions, per edition.

The survey's own page (/backoffice/konference/<udgave>/evaluering/) is where organisers build
and send it; the admin shows the same survey among the edition's other data. Only the survey
and its questions are here: invitations say who answered and responses hold the answers,
which are kept apart from the people and never shown one by one (`surveys.models`).
As on the survey's page, the questions and settings change only while it is a draft; after
the sending, only the closing moment may move, and later.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from forsamling.backoffice.admin_scoping import EditionScopedAdminMixin, ModelAdmin, TabularInline
from forsamling.domain import surveys as rules
from forsamling.surveys.models import Question, Survey

SETTINGS = ("title", "intro", "audience", "remind_after_days", "per_theme")


def is_sent(survey: Any) -> bool:
    return isinstance(survey, Survey) and survey.sent_at is not None


class QuestionInline(EditionScopedAdminMixin, TabularInline):
    model = Question
    edition_path = "survey__edition"
    extra = 0
    fields = ["order", "part", "kind", "text", "low_label", "high_label", "options", "required"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not is_sent(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not is_sent(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not is_sent(obj) and super().has_delete_permission(request, obj)


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["edition", "closes_at", *SETTINGS]

    def clean_closes_at(self) -> Any:
        closes_at = self.cleaned_data.get("closes_at")
        if "closes_at" in self.changed_data:
            try:
                rules.check_closing(closes_at=closes_at, now=timezone.now())
            except rules.BadClosing:
                raise forms.ValidationError(
                    _("Evalueringen kan ikke lukke i fortiden."), code="past"
                ) from None
        return closes_at


@admin.register(Survey)
class SurveyAdmin(EditionScopedAdminMixin, ModelAdmin):
    form = SurveyForm
    edition_path = "edition"
    list_display = ["title", "edition", "sent_at", "closes_at", "questions_count", "build"]
    list_filter = ["edition"]
    inlines = [QuestionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Survey]:
        return super().get_queryset(request).annotate(questions_count=Count("questions"))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fixed = ["sent_at", "invited", "build"]
        if is_sent(obj):
            return ["edition", *SETTINGS, *fixed]
        return ["edition", *fixed] if obj is not None else fixed

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """A sent survey has answers: it goes with its edition, not on its own."""
        return not is_sent(obj) and super().has_delete_permission(request, obj)

    @admin.display(description=_("spørgsmål"), ordering="questions_count")
    def questions_count(self, obj: Survey) -> int:
        return getattr(obj, "questions_count", 0)

    @admin.display(description=_("evalueringens side"))
    def build(self, obj: Survey) -> str:
        if obj.pk is None:
            return "–"
        url = reverse("backoffice:survey", kwargs={"edition": obj.edition.slug})
        return format_html('<a href="{}">{}</a>', url, _("Åbn evalueringens side"))
