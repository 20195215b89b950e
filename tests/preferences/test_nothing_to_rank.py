"""An official registered for an edition whose preference round holds only politicians'
sessions is not told to rank: the pages say plainly there is nothing for them to rank."""

from __future__ import annotations

import os
from datetime import time

import pytest
from playwright.sync_api import expect

from forsamling.preferences import services
from forsamling.programme.models import Audience
from forsamling.registration.models import Choice, ChoiceStatus
from tests.factories import ItemFactory
from tests.preferences.conftest import ORGANISER, make_round, register
from tests.registration.conftest import make_session

RANK = "prioritér sessionerne senest"
NOTHING = "du har ingen sessioner at prioritere her"


def politicians_round(edition):
    slot = ItemFactory(
        day=edition.themes_slot.day, starts_at=time(17, 0), ends_at=time(18, 0), order=3
    )
    make_session(slot, "Borgmestermøde", capacity=20, audience=Audience.POLITICIANS)
    round = make_round(edition, [slot], title="Politikernes møder")
    services.open_round(round=round, actor=ORGANISER)
    return round


def pages(registration):
    base = f"/{registration.edition.slug}/tilmelding/{registration.token}"
    return f"{base}/", f"{base}/prioriteringer/"


def pages_in_the_politicians_round(client, edition, category):
    """With the politicians' round open, a participant in `category`: their own page and their
    ranking page, as HTML."""
    politicians_round(edition)
    manage, rank = pages(register(edition, category))
    return client.get(manage).content.decode(), client.get(rank).content.decode()


@pytest.mark.django_db
def test_an_official_with_nothing_to_rank_is_told_so_not_sent_to_rank(client, edition):
    manage, rank = pages_in_the_politicians_round(client, edition, edition.official)
    assert NOTHING in manage
    assert RANK not in manage
    assert "Prioritér sessioner og se resultatet" not in manage
    assert "Du har ingen sessioner at prioritere i denne runde" in rank
    assert "Embedsperson" in rank
    assert "Gem prioriteringer" not in rank


@pytest.mark.django_db
def test_a_politician_in_the_same_round_is_asked_to_rank(client, edition):
    manage, rank = pages_in_the_politicians_round(client, edition, edition.politician)
    assert RANK in manage and NOTHING not in manage
    assert "Prioritér sessioner og se resultatet" in manage
    assert "Gem prioriteringer" in rank


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_the_officials_pages_read_well(page, live_server, edition, width, assert_accessible):
    politicians_round(edition)
    official = register(edition, edition.official)
    manage, rank = pages(official)
    page.set_viewport_size({"width": width, "height": 900})
    folder = os.environ.get("FORSAMLING_SHOTS")
    for name, path in (("manage", manage), ("rank", rank)):
        page.goto(live_server.url + path)
        expect(page.get_by_text("ingen sessioner at prioritere", exact=False)).to_be_visible()
        if folder:
            page.screenshot(path=f"{folder}/nothing-to-rank-{name}-{width}.png", full_page=True)
        assert_accessible(page)


def confirmation_page(client, registration) -> str:
    page = client.get(f"/{registration.edition.slug}/tilmelding/{registration.token}/kvittering/")
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("recent_reads", [0, 60])
def test_the_confirmation_page_tells_each_category_what_the_private_page_tells(
    client, edition, settings, recent_reads
):
    """The confirmation page decides "nothing to rank" from what it has read already (the
    programme it shows, the category, the sessions' audiences by slot); the private page asks
    the database. Both must say the same, with the one-second reads on and off."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = recent_reads
    slot = ItemFactory(
        day=edition.themes_slot.day, starts_at=time(17, 0), ends_at=time(18, 0), order=3
    )
    session = make_session(slot, "Borgmestermøde", capacity=20, audience=Audience.POLITICIANS)
    services.open_round(round=make_round(edition, [slot]), actor=ORGANISER)
    # A seat in the round's one slot (as an organiser places someone): nothing left to rank.
    seated = register(edition, edition.politician, "Per Plads")
    Choice.objects.create(
        registration=seated, slot=slot, session=session, status=ChoiceStatus.CONFIRMED
    )
    official = register(edition, edition.official, "Ole Embede")
    politician = register(edition, edition.politician, "Pia Politiker")
    for registration, told in ((official, NOTHING), (politician, RANK), (seated, NOTHING)):
        manage = client.get(pages(registration)[0]).content.decode()
        page = confirmation_page(client, registration)
        assert told in page and told in manage, registration.name
        other = RANK if told == NOTHING else NOTHING
        assert other not in page and other not in manage, registration.name
