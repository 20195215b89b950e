"""The participant's survey page and the organisers' pages, through Django's test client."""

from __future__ import annotations

import io
import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from forsamling.outputs.survey_report import report_html
from forsamling.surveys import services
from forsamling.surveys.models import Answer, Question, Survey
from forsamling.surveys.results import survey_report
from tests.surveys.conftest import build_survey, send

pytestmark = pytest.mark.django_db


def url(edition, token):
    return f"/{edition.slug}/evaluering/{token}/"


def test_the_page_asks_the_overall_questions_and_one_block_per_chosen_session(
    client, edition, people
):
    came, _ = people
    survey, _overall, _text, session = build_survey(edition)
    token = send(edition, survey)[came[0].pk]
    page = client.get(url(edition, token)).content.decode()
    assert "Hvor tilfreds var du?" in page
    assert "Session: " in page and "Psykiatri" in page
    assert "Faste teams" not in page  # not chosen
    assert f'name="q{session.pk}_s{edition.big_theme.pk}"' in page


def test_a_wrong_answer_gives_a_danish_error_and_keeps_the_typing(client, edition, people):
    came, _ = people
    survey, overall, text, _session = build_survey(edition)
    token = send(edition, survey)[came[0].pk]
    response = client.post(url(edition, token), {f"q{text.pk}": "Mere kaffe"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Besvar spørgsmålet." in page
    assert "Mere kaffe" in page
    response = client.post(url(edition, token), {f"q{overall.pk}": "9"})
    assert response.status_code == 400
    assert "Vælg et af svarene." in response.content.decode()
    assert not Answer.objects.exists()


def test_the_error_summary_punctuates_questions_once_and_names_the_session(client, edition, people):
    came, _ = people
    survey, _overall, text, session = build_survey(edition)
    services.add_question(
        survey=survey, part="overall", kind="text", text="Skriv en kommentar", required=True
    )
    session.required = True
    session.save(update_fields=["required"])
    token = send(edition, survey)[came[0].pk]
    response = client.post(url(edition, token), {f"q{text.pk}": "Mere kaffe"})
    assert response.status_code == 400
    page = response.content.decode()
    start = page.index('id="error-summary"')
    summary = page[start : page.index("</ul>", start)]
    assert "?:" not in summary
    assert "Hvor tilfreds var du? Besvar spørgsmålet." in summary
    assert "Skriv en kommentar: Besvar spørgsmålet." in summary
    assert "Session: " in summary and "Fik du noget med hjem? Besvar spørgsmålet." in summary


def test_answer_then_change_then_closed(client, edition, people):
    came, _ = people
    survey, overall, text, _session = build_survey(edition)
    token = send(edition, survey)[came[0].pk]
    response = client.post(url(edition, token), {f"q{overall.pk}": "2"}, follow=True)
    assert "Tak! Dine svar er gemt." in response.content.decode()
    page = client.get(url(edition, token)).content.decode()
    assert re.search(r'value="2" checked', page)
    assert "Gem ændringerne" in page
    client.post(url(edition, token), {f"q{overall.pk}": "4", f"q{text.pk}": "Godt"})
    assert sorted(Answer.objects.values_list("number", flat=True), key=str) == [4, None]
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    page = client.get(url(edition, token)).content.decode()
    assert "Evalueringen er lukket" in page
    assert client.post(url(edition, token), {f"q{overall.pk}": "1"}).status_code == 200
    assert Answer.objects.filter(number=1).count() == 0


def test_an_unknown_link_is_not_found(client, edition, people):
    survey, *_ = build_survey(edition)
    send(edition, survey)
    assert client.get(url(edition, "x" * 43)).status_code == 404


def _answer_all(edition, tokens, overall, text, session, n):
    for index, token in enumerate(list(tokens.values())[:n]):
        services.save_answers(
            edition=edition,
            token=token,
            answers={
                (overall.pk, None, None): 1 + index % 5,
                (text.pk, None, None): f"Forslag nummer {index}",
                (session.pk, edition.big_theme.pk, None): index % 2,
            },
        )


def test_results_hide_groups_under_five(organiser_client, edition, people):
    survey, overall, text, session = build_survey(edition)
    tokens = send(edition, survey)
    _answer_all(edition, tokens, overall, text, session, 4)
    page = organiser_client.get(f"/backoffice/konference/{edition.slug}/evaluering/resultater/")
    html = page.content.decode()
    assert "4 svar: for få til at vise (under 5)" in html
    assert 'class="survey-chart"' not in html
    assert "Forslag nummer" not in html
    workbook = load_workbook(io.BytesIO(organiser_client.get(
        f"/backoffice/konference/{edition.slug}/evaluering/resultater.xlsx").content))  # fmt: skip
    cells = [c for s in workbook for row in s.iter_rows(values_only=True) for c in row]
    assert "Forslag nummer 0" not in cells
    assert "for få svar til at vise" in cells


def test_results_from_five_with_charts_tables_and_texts(organiser_client, edition, people):
    came, _absent = people
    survey, overall, text, session = build_survey(edition)
    tokens = send(edition, survey)
    _answer_all(edition, tokens, overall, text, session, 5)
    html = organiser_client.get(
        f"/backoffice/konference/{edition.slug}/evaluering/resultater/"
    ).content
    html = html.decode()
    assert html.count('class="survey-chart"') == 2  # the overall scale and the session's choice
    assert 'role="img"' in html and "<desc" in html
    assert "1 (Meget utilfreds): 1 (20 %)" in html  # the chart's text alternative
    assert '<th scope="row">Ja</th>' in html
    assert "Forslag nummer 4" in html
    assert "5 af 7 inviterede har svaret." in html
    xlsx = organiser_client.get(f"/backoffice/konference/{edition.slug}/evaluering/resultater.xlsx")
    workbook = load_workbook(io.BytesIO(xlsx.content))
    cells = {str(c) for s in workbook for row in s.iter_rows(values_only=True) for c in row}
    assert "Forslag nummer 3" in cells
    people_data = {r.email for r in came} | {r.name for r in came} | set(tokens.values())
    people_data |= {str(r.pk) for r in survey.responses.all()}
    assert not cells & people_data
    html = report_html(survey_report(survey))
    assert "Forslag nummer 3" in html
    assert not [needle for needle in people_data if needle in html]
    pdf = organiser_client.get(f"/backoffice/konference/{edition.slug}/evaluering/resultater.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    if folder := os.environ.get("FORSAMLING_SHOTS"):
        Path(folder, "survey-report.pdf").write_bytes(pdf.content)


def test_the_organiser_builds_with_clear_errors(organiser_client, edition, people):
    path = f"/backoffice/konference/{edition.slug}/evaluering/"
    response = organiser_client.post(
        path, {"add_question": "", "part": "overall", "kind": "single", "text": "Hvilken dag?",
               "options": "Torsdag"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Skriv mindst to svarmuligheder" in response.content.decode()
    assert "Hvilken dag?" in response.content.decode()
    organiser_client.post(
        path, {"add_question": "", "part": "overall", "kind": "single", "text": "Hvilken dag?",
               "options": "Torsdag\nFredag"},
    )  # fmt: skip
    assert Question.objects.get().options == ["Torsdag", "Fredag"]
    response = organiser_client.post(path, {"send": ""}, follow=True)
    assert "Evalueringen sendes nu til 7 deltagere." in response.content.decode()
    response = organiser_client.post(path, {"remove": str(Question.objects.get().pk)})
    assert "kan ikke længere ændres" in response.content.decode()
    assert Question.objects.count() == 1


def test_a_viewer_sees_results_but_cannot_build(client, edition, people):
    user = get_user_model().objects.create_user("se", "se@kl.dk", "pw", is_staff=True)
    grant_role(user=user, edition=edition, role=Role.VIEWER)
    client.force_login(user)
    assert (
        client.get(f"/backoffice/konference/{edition.slug}/evaluering/resultater/").status_code
        == 200
    )
    assert client.get(f"/backoffice/konference/{edition.slug}/evaluering/").status_code == 403


def test_the_results_page_reads_the_same_number_of_queries_for_more_answers(
    organiser_client, edition, people
):
    survey, overall, text, session = build_survey(edition)
    tokens = send(edition, survey)
    path = f"/backoffice/konference/{edition.slug}/evaluering/resultater/"
    _answer_all(edition, tokens, overall, text, session, 5)
    with CaptureQueriesContext(connection) as five:
        organiser_client.get(path)
    _answer_all(edition, dict(list(tokens.items())[5:]), overall, text, session, 2)
    with CaptureQueriesContext(connection) as seven:
        assert "7 af 7 inviterede har svaret." in organiser_client.get(path).content.decode()
    assert len(seven) == len(five)
