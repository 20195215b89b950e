"""The evaluation survey for organisers: build it, send it after the conference, and read the
results (page, XLSX, PDF). Thin views: a form, one service call, a message."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.checkin.survey_recipients import survey_recipients
from forsamling.core.downloads import attachment
from forsamling.core.form_fields import datetime_field, text_field
from forsamling.core.validators import SafeTextMixin
from forsamling.domain import surveys as rules
from forsamling.domain.permissions import Action
from forsamling.outputs import survey_report
from forsamling.outputs.spreadsheets import XLSX
from forsamling.surveys import services
from forsamling.surveys.models import KIND_CHOICES, PART_CHOICES, Audience, Question, Survey
from forsamling.surveys.results import survey_report as build_report


class SettingsForm(SafeTextMixin, forms.Form):
    title = text_field(gettext_lazy("Titel"), 200)
    intro = forms.CharField(
        label=gettext_lazy("Indledning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    audience = forms.ChoiceField(label=gettext_lazy("Sendes til"), choices=Audience.choices)
    remind_after_days = forms.IntegerField(
        label=gettext_lazy("Påmindelse efter dage"),
        min_value=1,
        max_value=60,
        help_text=gettext_lazy("Én påmindelse til dem, der ikke har svaret."),
    )
    closes_at = datetime_field(
        gettext_lazy("Lukker"),
        required=False,
        help_text=gettext_lazy("Indtil da kan deltagerne svare og ændre deres svar."),
    )
    per_theme = forms.BooleanField(
        label=gettext_lazy("Spørg også om hvert af konferencens temaer"), required=False
    )


class QuestionForm(SafeTextMixin, forms.Form):
    part = forms.ChoiceField(label=gettext_lazy("Del"), choices=PART_CHOICES)
    kind = forms.ChoiceField(label=gettext_lazy("Type"), choices=KIND_CHOICES)
    text = text_field(gettext_lazy("Spørgsmål"), 300)
    low_label = text_field(gettext_lazy("Tekst ved 1 (skala)"), 60, required=False)
    high_label = text_field(gettext_lazy("Tekst ved 5 (skala)"), 60, required=False)
    options = forms.CharField(
        label=gettext_lazy("Svarmuligheder (ét eller flere svar)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Én svarmulighed pr. linje."),
    )
    required = forms.BooleanField(label=gettext_lazy("Skal besvares"), required=False)

    def clean(self) -> dict:
        data = super().clean() or {}
        kind = data.get("kind")
        options = [o.strip() for o in (data.get("options") or "").splitlines() if o.strip()]
        if kind in (rules.Kind.SINGLE, rules.Kind.MULTIPLE) and len(options) < 2:
            self.add_error("options", _("Skriv mindst to svarmuligheder, én pr. linje."))
        data["option_list"] = options
        return data


def _error(error: rules.SurveyError) -> str:
    if isinstance(error, rules.NotDraft):
        return _("Evalueringen er sendt, så spørgsmålene kan ikke længere ændres.")
    if isinstance(error, rules.TooEarly):
        return _("Evalueringen kan først sendes på konferencens sidste dag eller senere.")
    if isinstance(error, rules.NoQuestions):
        return _("Tilføj mindst ét spørgsmål, før evalueringen sendes.")
    if isinstance(error, rules.BadClosing):
        return _("Lukketidspunktet skal ligge i fremtiden.")
    return _("Ændringen kunne ikke gemmes.")


def _settings_initial(survey: Survey) -> dict:
    return {
        "title": survey.title,
        "intro": survey.intro,
        "audience": survey.audience,
        "remind_after_days": survey.remind_after_days,
        "closes_at": timezone.localtime(survey.closes_at) if survey.closes_at else None,
        "per_theme": survey.per_theme,
    }


def build(request: HttpRequest, edition: str) -> HttpResponse:
    """The survey's settings and questions, and sending it."""
    the_edition, actions = edition_for(request, edition, Action.MANAGE)
    survey = services.survey_for(the_edition)
    settings_form = SettingsForm(initial=_settings_initial(survey))
    question_form = QuestionForm()
    status = 200
    if request.method == "POST":
        try:
            if "save_settings" in request.POST:
                settings_form = SettingsForm(request.POST)
                if settings_form.is_valid():
                    # The form's fields are the service's arguments, name for name.
                    services.update_survey(survey=survey, **settings_form.cleaned_data)
                    messages.success(request, _("Indstillingerne er gemt."))
                    return redirect("backoffice:survey", the_edition.slug)
            elif "add_question" in request.POST:
                question_form = QuestionForm(request.POST)
                if question_form.is_valid():
                    data = question_form.cleaned_data
                    services.add_question(
                        survey=survey,
                        part=data["part"],
                        kind=data["kind"],
                        text=data["text"],
                        low_label=data["low_label"],
                        high_label=data["high_label"],
                        options=data["option_list"],
                        required=data["required"],
                    )
                    messages.success(request, _("Spørgsmålet er tilføjet."))
                    return redirect("backoffice:survey", the_edition.slug)
            elif "remove" in request.POST:
                remove = request.POST["remove"]
                pk = int(remove) if remove.isdigit() and len(remove) < 10 else 0
                question = get_object_or_404(Question, survey=survey, pk=pk)
                services.remove_question(question=question)
                messages.success(request, _("Spørgsmålet er fjernet."))
                return redirect("backoffice:survey", the_edition.slug)
            elif "send" in request.POST:
                recipients = survey_recipients(the_edition, survey.audience)
                count = services.send_survey(survey=survey, recipients=recipients)
                messages.success(
                    request, _("Evalueringen sendes nu til %(count)d deltagere.") % {"count": count}
                )
                return redirect("backoffice:survey", the_edition.slug)
        except rules.SurveyError as error:
            messages.error(request, _error(error))
            survey.refresh_from_db()
        status = 400
    recipients = [] if survey.sent_at else survey_recipients(the_edition, survey.audience)
    return render(
        request,
        "backoffice/surveys/build.html",
        {
            "edition": the_edition,
            "actions": actions,
            "survey": survey,
            "questions": list(survey.questions.all()),
            "settings_form": settings_form,
            "question_form": question_form,
            "recipient_count": len(recipients),
            "may_send_now": timezone.localdate() >= the_edition.end_date,
            "responses": survey.responses.count(),
        },
        status=status,
    )


def results(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.VIEW)
    survey = services.survey_for(the_edition)
    return render(
        request,
        "backoffice/surveys/results.html",
        {"edition": the_edition, "actions": actions, "report": build_report(survey)},
    )


def results_xlsx(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.EXPORT)
    report = build_report(services.survey_for(the_edition))
    return attachment(
        survey_report.report_xlsx(report), f"evaluering-{the_edition.slug}.xlsx", XLSX
    )


def results_pdf(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.EXPORT)
    report = build_report(services.survey_for(the_edition))
    return attachment(
        survey_report.report_pdf(report), f"evaluering-{the_edition.slug}.pdf", "application/pdf"
    )
