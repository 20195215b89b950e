"""The prize in public: nominee pages, the winner from the award's start, the catalogue."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forsamling.domain.danish import COPENHAGEN
from forsamling.outputs.prize_catalogue import catalogue_pdf
from forsamling.prizes.models import NominationState, Prize
from forsamling.prizes.queries import catalogue, item_starts_at, winner_visible
from forsamling.programme.services import publish_programme
from tests.outputs.pdf_text import needs_poppler, pdf_text
from tests.prizes.conftest import image_attachment, make_nomination

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(setup: SimpleNamespace) -> SimpleNamespace:
    prize = setup.prize
    setup.first = make_nomination(
        prize,
        municipality="Vejle",
        project_title="Røgfri fremtid",
        shortlist_position=1,
        programme_item=setup.first_item,
    )
    setup.second = make_nomination(
        prize, municipality="Esbjerg", project_title="Havbad hele året", shortlist_position=2
    )
    setup.third = make_nomination(
        prize, municipality="Aabenraa", project_title="Gå-fællesskaber", shortlist_position=3
    )
    setup.other = make_nomination(prize, municipality="Odense", project_title="Ikke nomineret")
    prize.winner = setup.second
    prize.save()
    return setup


def set_award_start(setup: SimpleNamespace, start: datetime) -> None:
    local = start.astimezone(COPENHAGEN)
    day = setup.award.day
    day.date = local.date()
    day.save()
    setup.award.starts_at = local.time()
    setup.award.save()


def prize_page(client: Client) -> str:
    return client.get(reverse("public:prize", kwargs={"edition": "2026"})).content.decode()


def nominee_url(nomination: object) -> str:
    return reverse("public:prize_nominee", kwargs={"edition": "2026", "pk": nomination.pk})  # type: ignore[attr-defined]


def test_nothing_public_until_the_organisers_publish(
    client: Client, decided: SimpleNamespace
) -> None:
    set_award_start(decided, timezone.now() - timedelta(hours=1))
    page = prize_page(client)
    assert "Røgfri fremtid" not in page
    assert "Havbad hele året" not in page
    assert client.get(nominee_url(decided.first)).status_code == 404


def test_nominee_pages_once_published(client: Client, decided: SimpleNamespace) -> None:
    image_attachment(decided.first)
    Prize.objects.update(nominees_published=True)
    page = prize_page(client)
    assert page.index("Røgfri fremtid") < page.index("Havbad hele året") < page.index("Gå-f")
    nominee = client.get(nominee_url(decided.first)).content.decode()
    assert "Vejle Kommune" in nominee
    assert "Et tværfagligt forløb" in nominee
    image = decided.first.attachments.get()
    src = reverse(
        "public:prize_nominee_image",
        kwargs={"edition": "2026", "pk": decided.first.pk, "image": image.pk},
    )
    assert src in nominee
    assert client.get(src)["Content-Type"] == "image/png"
    assert client.get(nominee_url(decided.other)).status_code == 404


def test_winner_not_visible_one_second_before_the_award_starts(decided: SimpleNamespace) -> None:
    start = datetime(2026, 5, 8, 9, 55, tzinfo=COPENHAGEN)
    set_award_start(decided, start)
    prize = Prize.objects.select_related("award_item__day").get()
    prize.winner_published = True
    assert item_starts_at(prize.award_item) == start
    assert not winner_visible(prize, start - timedelta(seconds=1))
    assert winner_visible(prize, start)
    prize.winner_published = False
    assert not winner_visible(prize, start)


def test_prize_page_shows_the_winner_only_from_the_award(
    client: Client, decided: SimpleNamespace
) -> None:
    Prize.objects.update(nominees_published=True, winner_published=True)
    set_award_start(decided, timezone.now() + timedelta(seconds=30))
    assert "Vinderen af prisen" not in prize_page(client)
    set_award_start(decided, timezone.now() - timedelta(seconds=1))
    page = prize_page(client)
    assert "Vinderen af prisen" in page
    assert "Havbad hele året" in page.split("Vinderen af prisen")[1]


def test_programme_links_nominees_and_the_winner_on_the_award_item(
    client: Client, decided: SimpleNamespace
) -> None:
    set_award_start(decided, timezone.now() + timedelta(minutes=5))
    publish_programme(edition=decided.edition, comment="")
    programme = reverse("public:programme", kwargs={"edition": "2026"})
    assert nominee_url(decided.first) not in client.get(programme).content.decode()
    Prize.objects.update(nominees_published=True, winner_published=True)
    page = client.get(programme).content.decode()
    assert nominee_url(decided.first) in page
    assert "Røgfri fremtid, Vejle Kommune" in page
    assert "Vinder:" not in page
    set_award_start(decided, timezone.now() - timedelta(seconds=1))
    page = client.get(programme).content.decode()
    assert "Vinder: Havbad hele året, Esbjerg Kommune" in page


def test_catalogue_consented_submitted_in_danish_order(
    client: Client, setup: SimpleNamespace
) -> None:
    prize = setup.prize
    for name in ("Aabenraa", "Ærø", "Esbjerg", "Aalborg"):
        make_nomination(prize, municipality=name, project_title=f"Projekt i {name}")
    make_nomination(prize, municipality="Odense", project_title="Hemmeligt", publish_consent=False)
    make_nomination(
        prize, municipality="Vejle", project_title="Kladde", state=NominationState.DRAFT
    )
    assert [n.municipality for n in catalogue(prize)] == ["Esbjerg", "Ærø", "Aabenraa", "Aalborg"]
    url = reverse("public:prize_catalogue", kwargs={"edition": "2026"})
    assert client.get(url).status_code == 404
    Prize.objects.update(catalogue_published=True)
    page = client.get(url).content.decode()
    assert "Hemmeligt" not in page and "Kladde" not in page
    assert (
        page.index("Projekt i Esbjerg")
        < page.index("Projekt i Ærø")
        < page.index("Projekt i Aabenraa")
    )
    # a catalogue entry has its own page, though it is not a nominee
    entry = catalogue(prize)[0]
    assert client.get(nominee_url(entry)).status_code == 200


@needs_poppler
def test_catalogue_pdf(client: Client, setup: SimpleNamespace) -> None:
    prize = setup.prize
    for name in ("Aabenraa", "Ærø", "Esbjerg"):
        make_nomination(prize, municipality=name, project_title=f"Projekt i {name}")
    Prize.objects.update(catalogue_published=True)
    response = client.get(reverse("public:prize_catalogue_pdf", kwargs={"edition": "2026"}))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Inspirationskatalog" in text
    assert (
        text.index("Esbjerg Kommune") < text.index("Ærø Kommune") < text.index("Aabenraa Kommune")
    )
    assert "Mette Holm" in text


def test_catalogue_pdf_embeds_an_image(setup: SimpleNamespace) -> None:
    nomination = make_nomination(setup.prize, municipality="Skive")
    image_attachment(nomination)
    with_image = catalogue_pdf(setup.prize, catalogue(setup.prize))
    assert with_image.startswith(b"%PDF-")
    assert b"/Subtype /Image" in with_image or b"/Image" in with_image
