"""Loading the demo is safe to repeat: nothing duplicated, nothing an organiser changed lost."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from forsamling.conferences.models import Edition, Theme
from forsamling.programme.models import Item, Session, Speaker


def counts() -> dict[str, int]:
    return {
        "editions": Edition.objects.count(),
        "themes": Theme.objects.count(),
        "items": Item.objects.count(),
        "sessions": Session.objects.count(),
        "speakers": Speaker.objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_twice_duplicates_nothing():
    """A second run finds everything in place and adds nothing."""
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first
    assert first["editions"] >= 3
    assert first["users"] == 1 + 3  # the organiser, and the demo prize's three jurors


@pytest.mark.django_db
def test_load_demo_keeps_what_an_organiser_changed():
    """An edited edition is left as the organiser left it."""
    call_command("load_demo", verbosity=0)
    Edition.objects.filter(slug="2026").update(venue="Aalborg Kongres & Kultur Center")
    call_command("load_demo", verbosity=0)
    assert Edition.objects.get(slug="2026").venue == "Aalborg Kongres & Kultur Center"


@pytest.mark.django_db
def test_demo_organiser_can_log_in(client):
    """The printed demo login opens the back office."""
    call_command("load_demo", verbosity=0)
    assert client.login(
        request=RequestFactory().get("/"), username="arrangoer", password="forum-demo-2026"
    )
    assert client.get("/backoffice/").status_code == 200


@pytest.mark.django_db
def test_2023_demo_edition_has_its_whole_programme(seed_editions):
    """The 2023 edition carries its two days, both breakouts and the 8 temamøder."""
    edition = seed_editions[2023]
    assert edition.programme_days.count() == 2
    assert Session.objects.filter(slot__edition=edition, kind="temamoede").count() == 8
    assert Session.objects.filter(slot__edition=edition, audience="politicians").count() == 3
    assert edition.moderator.speaker.name == "Lene Johansen"


@pytest.mark.django_db
def test_the_demo_has_a_survey_with_answers_to_show_and_a_draft_to_send_loaded_once():
    """2023's survey is closed with enough answers to show; the demo edition's is a draft."""
    from forsamling.surveys.models import Answer, Question, Response, Survey
    from forsamling.surveys.results import survey_report

    call_command("load_demo", verbosity=0)
    past = Survey.objects.get(edition__slug="2023")
    assert past.sent_at is not None and past.closes_at is not None
    report = survey_report(past)
    assert report.responses == 8
    shown = [r for section in report.sections for r in section.results if not r.hidden]
    assert {r.question.text for r in shown} >= {
        "Hvor tilfreds var du med konferencen?",
        "Hvad kan vi gøre bedre?",
        "Hvordan var sessionen?",
    }
    draft = Survey.objects.get(edition__is_demo=True)
    assert draft.sent_at is None and draft.questions.count() == 5
    before = [m.objects.count() for m in (Survey, Question, Response, Answer)]
    call_command("load_demo", verbosity=0)
    assert [m.objects.count() for m in (Survey, Question, Response, Answer)] == before
