"""The demo holds a prize to try (open, with a scoring jury) and a decided one for 2023."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from forsamling.prizes.models import Prize
from forsamling.prizes.queries import ranking, winner_visible

pytestmark = pytest.mark.django_db


def test_demo_prize_can_be_tried_and_loading_again_changes_nothing(client: Client) -> None:
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    demo = Prize.objects.get(edition__slug="demo")
    assert demo.nominations.count() == 5
    assert demo.jurors.count() == 3
    assert demo.jurors.filter(is_chair=True).count() == 1
    assert [row.ranked.score is not None for row in ranking(demo)].count(True) == 4
    assert client.get("/demo/forebyggelsespris/indstil/").status_code == 200
    assert client.login(
        request=RequestFactory().get("/"), username="jury-medlem", password="forum-demo-2026"
    )
    assert client.get("/backoffice/konference/demo/pris/jury/").status_code == 200
    decided = Prize.objects.select_related("award_item__day").get(edition__slug="2023")
    assert decided.winner is not None
    assert winner_visible(decided, timezone.now())
    programme = client.get("/2023/program/").content.decode()
    assert "Vinder: Havbad hele året, Esbjerg Kommune" in programme
    assert "Røgfri skoletid, Vejle Kommune" in programme
