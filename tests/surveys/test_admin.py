"""The survey in Django's admin: per edition like the rest, editable only as a draft."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from forsamling.surveys import services
from forsamling.surveys.models import Survey
from tests.backoffice.conftest import make_conference, make_user
from tests.factories import no_inline_rows
from tests.surveys.conftest import build_survey, send

pytestmark = pytest.mark.django_db


def change_url(survey):
    return reverse("admin:surveys_survey_change", args=[survey.pk])


def logged_in(client, edition, role=Role.ORGANISER, name="arrangoer"):
    user = make_user(name, is_staff=True)
    grant_role(user=user, edition=edition, role=role)
    client.force_login(user)
    return client


def settings_post(survey, **changes):
    data = {
        "title": survey.title,
        "intro": survey.intro,
        "audience": survey.audience,
        "remind_after_days": survey.remind_after_days,
        "per_theme": "",
        "closes_at_0": "",
        "closes_at_1": "",
        **no_inline_rows("questions"),
    }
    return data | changes


def test_an_organiser_sees_the_survey_of_their_edition_only(client, edition):
    ours, _overall, _text, _session = build_survey(edition)
    theirs = services.survey_for(make_conference("2027").edition)
    logged_in(client, edition)
    listing = client.get(reverse("admin:surveys_survey_changelist")).content.decode()
    assert change_url(ours) in listing and change_url(theirs) not in listing
    page = client.get(change_url(ours)).content.decode()
    assert "Hvor tilfreds var du?" in page
    assert reverse("backoffice:survey", kwargs={"edition": edition.slug}) in page
    assert client.get(change_url(theirs)).status_code == 302  # the admin's "no such object"


def test_a_viewer_has_no_survey_admin(client, edition):
    survey, *_ = build_survey(edition)
    logged_in(client, edition, role=Role.VIEWER, name="laeser")
    assert client.get(change_url(survey)).status_code == 403


def test_a_draft_is_edited_in_the_admin(client, edition):
    survey, *_ = build_survey(edition)
    logged_in(client, edition)
    response = client.post(change_url(survey), settings_post(survey, title="Hvordan gik det?"))
    assert response.status_code == 302, response.content.decode()
    assert Survey.objects.get().title == "Hvordan gik det?"


def test_a_sent_survey_keeps_its_questions_and_settings_only_the_closing_moves(
    client, edition, people
):
    survey, *_ = build_survey(edition)
    send(edition, survey)
    logged_in(client, edition)
    page = client.get(change_url(survey)).content.decode()
    assert 'name="questions-0-text"' not in page  # shown, not editable
    assert "Hvor tilfreds var du?" in page
    assert reverse("admin:surveys_survey_delete", args=[survey.pk]) not in page
    later = timezone.localtime() + timedelta(days=30)
    response = client.post(
        change_url(survey),
        settings_post(
            survey,
            title="Ændret efter udsendelsen",
            closes_at_0=later.strftime("%d.%m.%Y"),
            closes_at_1="12:00",
        ),
    )
    assert response.status_code == 302, response.content.decode()
    survey.refresh_from_db()
    assert survey.title == "Evaluering af konferencen"
    assert survey.closes_at is not None and survey.closes_at.date() == later.date()
    past = timezone.localtime() - timedelta(days=1)
    response = client.post(
        change_url(survey),
        settings_post(survey, closes_at_0=past.strftime("%d.%m.%Y"), closes_at_1="12:00"),
    )
    assert response.status_code == 200
    assert "Evalueringen kan ikke lukke i fortiden." in response.content.decode()
    assert client.post(reverse("admin:surveys_survey_delete", args=[survey.pk])).status_code == 403
    client.post(
        reverse("admin:surveys_survey_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [survey.pk], "post": "yes"},
    )
    assert Survey.objects.filter(pk=survey.pk).exists()  # nor with the list's bulk action
