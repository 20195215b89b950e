"""The evaluation survey on the participant's private link: answer, and change the answers
until the survey closes. Thin: the form, one service call, a redirect."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from forsamling.domain import surveys as rules
from forsamling.public.editions import page_edition
from forsamling.surveys import services
from forsamling.surveys.forms import AnswerForm


def answer(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    event = page_edition(request, edition)
    invitation = services.invitation_by_token(event, token)
    if invitation is None:
        raise Http404("No such survey link")
    survey = invitation.survey
    context: dict[str, object] = {"edition": event, "survey": survey}
    if not rules.is_open(sent_at=survey.sent_at, closes_at=survey.closes_at, now=timezone.now()):
        context["answered"] = invitation.answered
        return render(request, "public/survey/closed.html", context)
    sessions = list(
        invitation.sessions.select_related("slot").order_by("slot__starts_at", "order", "id")
    )
    themes = list(event.themes.order_by("order", "id"))
    form = AnswerForm(
        request.POST or None,
        survey=survey,
        sessions=sessions,
        themes=themes,
        initial_answers=services.answers_by_token(token) if request.method == "GET" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_answers(edition=event, token=token, answers=form.answers())
        except rules.Closed:
            context["answered"] = invitation.answered
            return render(request, "public/survey/closed.html", context, status=409)
        except rules.InvalidAnswer:
            form.add_error(None, _("Et af svarene kunne ikke gemmes. Prøv igen."))
        else:
            messages.success(request, _("Tak! Dine svar er gemt."))
            return redirect("public:survey", edition=event.slug, token=token)
    context.update(form=form, answered=invitation.answered)
    status = 400 if request.method == "POST" else 200
    return render(request, "public/survey/answer.html", context, status=status)


urlpatterns = [
    path("<slug:edition>/evaluering/<slug:token>/", answer, name="survey"),
]
