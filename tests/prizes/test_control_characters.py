"""The prize's forms refuse control characters like every other form: the nomination, the
jury's scores, the declaration of a conflict and the programme item a nominee presents in.
Nothing of them reaches the jury's pages."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from forsamling.prizes.models import Conflict, Nomination, ScoreSheet
from tests.prizes.conftest import complete_values, make_juror, make_nomination

pytestmark = pytest.mark.django_db

CONTROL = "usynligt styretegn"
ONE_LINE = "Feltet må kun have én linje"
# Start of heading, escape, next line (C1) and the right-to-left override: refused everywhere.
HIDDEN = ["\x01", "\x1b", "\x85", "\u202e"]
BREAKS = ["\r", "\n"]  # refused in one-line fields only


@pytest.fixture
def jury(setup: SimpleNamespace, client: Client) -> SimpleNamespace:
    setup.juror = make_juror(setup.prize, "jurymedlem", municipality="Aalborg")
    setup.vejle = make_nomination(
        setup.prize, municipality="Vejle", nominator_municipality="Vejle", project_title="Røgfri"
    )
    client.force_login(setup.juror.user)
    return setup


def submit(client: Client, setup: SimpleNamespace, **values: str) -> Any:
    """Submits a nomination: the complete values but for `values`."""
    url = reverse("public:prize_nominate", kwargs={"edition": setup.edition.slug})
    return client.post(url, {**complete_values(**values), "action": "submit"})


@pytest.mark.parametrize("character", HIDDEN + BREAKS)
def test_nomination_title_refuses_the_character(
    client: Client, setup: SimpleNamespace, character: str
) -> None:
    response = submit(client, setup, project_title=f"Sund{character}start")
    assert response.status_code == 422
    assert (ONE_LINE if character in BREAKS else CONTROL) in response.content.decode()
    assert not Nomination.objects.filter(project_title__contains=character).exists()
    assert not Nomination.objects.filter(state="submitted").exists()


@pytest.mark.parametrize("character", HIDDEN)
def test_nomination_description_refuses_the_character(
    client: Client, setup: SimpleNamespace, character: str
) -> None:
    response = submit(client, setup, description=f"Linje 1\nLinje{character}2")
    assert response.status_code == 422
    assert CONTROL in response.content.decode()
    assert not Nomination.objects.filter(description__contains=character).exists()


def test_nomination_description_keeps_its_line_breaks(client: Client, setup: SimpleNamespace):
    assert submit(client, setup, description="Linje 1\r\nLinje 2").status_code == 302
    assert Nomination.objects.get().description == "Linje 1\r\nLinje 2"


@pytest.mark.parametrize("field", ["comment", "criterion"])
@pytest.mark.parametrize("character", HIDDEN)
def test_score_comments_refuse_the_character(
    client: Client, jury: SimpleNamespace, character: str, field: str
) -> None:
    url = reverse("backoffice:prize_jury_nomination", args=[jury.edition.slug, jury.vejle.pk])
    first = jury.criteria[0].pk
    name = "comment" if field == "comment" else f"comment_{first}"
    data = {f"score_{first}": "4", name: f"God{character}idé\nAnden linje", "action": "save"}
    response = client.post(url, data)
    assert response.status_code == 422
    assert CONTROL in response.content.decode()
    assert not ScoreSheet.objects.exists()


def test_score_comments_keep_their_line_breaks(client: Client, jury: SimpleNamespace) -> None:
    url = reverse("backoffice:prize_jury_nomination", args=[jury.edition.slug, jury.vejle.pk])
    first = jury.criteria[0].pk
    data = {f"score_{first}": "4", "comment": "God idé\nAnden linje", "action": "save"}
    assert client.post(url, data).status_code == 302
    assert ScoreSheet.objects.get().comment == "God idé\nAnden linje"


@pytest.mark.parametrize("character", HIDDEN + BREAKS)
def test_conflict_reason_refuses_the_character(
    client: Client, jury: SimpleNamespace, character: str
) -> None:
    url = reverse("backoffice:prize_conflict", args=[jury.edition.slug, jury.vejle.pk])
    response = client.post(url, {"reason": f"Min søster{character}leder projektet"}, follow=True)
    assert (ONE_LINE if character in BREAKS else CONTROL) in response.content.decode()
    assert not Conflict.objects.exists()


def place(client: Client, setup: SimpleNamespace, item: str) -> Any:
    """An organiser places the nominee in the programme item `item` (its id as typed)."""
    organiser = get_user_model().objects.create_user("arr", password="pw")
    grant_role(user=organiser, edition=setup.edition, role=Role.ORGANISER)
    client.force_login(organiser)
    nominee = make_nomination(setup.prize)
    url = reverse("backoffice:prize_place", args=[setup.edition.slug, nominee.pk])
    return client.post(url, {f"n{nominee.pk}-item": item}, follow=True)


def test_programme_item_takes_a_plain_id(client: Client, setup: SimpleNamespace) -> None:
    response = place(client, setup, str(setup.first_item.pk))
    assert "Programpunktet er gemt." in response.content.decode()
    assert Nomination.objects.get().programme_item == setup.first_item


# The control characters `int()` reads as whitespace around a number (vertical tab, form
# feed, next line, line breaks, tab): without the rule, "7<NEL>" chose item 7.
@pytest.mark.parametrize("character", ["\x0b", "\x0c", "\x85", "\r", "\n", "\t"])
def test_programme_item_refuses_the_character(
    client: Client, setup: SimpleNamespace, character: str
) -> None:
    response = place(client, setup, f"{setup.first_item.pk}{character}")
    assert "Vælg et programpunkt fra listen." in response.content.decode()
    assert Nomination.objects.get().programme_item is None
