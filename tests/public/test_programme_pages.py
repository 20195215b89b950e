"""The published programme on screen: timetable, filters, sessions, speakers and changes."""

from __future__ import annotations

from datetime import time, timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import strip_tags

from forsamling.demo.load import load_edition, seed_data
from forsamling.domain.danish import format_time
from forsamling.programme.models import Item, Session, Speaker
from forsamling.programme.services import publish_programme
from tests.programme import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition_2023():
    edition, _ = load_edition(seed_data(2023))
    publish_programme(edition=edition, comment="Første version")
    return edition


def text_of(response) -> str:
    """The visible text of the page's main content, with whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return " ".join(unescape(strip_tags(main)).split())


def seed_entries(items):
    for item in items:
        yield item
        yield from seed_entries(item.get("children") or [])


def test_programme_shows_every_time_title_and_speaker_of_the_2023_seed(client, edition_2023):
    page = text_of(client.get("/2023/program/"))
    for day in seed_data(2023)["days"]:
        for entry in seed_entries(day["items"]):
            assert entry["title"] in page
            for moment in (entry.get("start"), entry.get("end")):
                if moment:
                    assert format_time(time.fromisoformat(moment)) in page
            for speaker in entry.get("speakers") or []:
                assert speaker["name"] in page
                for part in (speaker.get("title"), speaker.get("organisation")):
                    if part:
                        assert part in page
            for session in entry.get("sessions") or []:
                assert session["title"] in page
                for speaker in session.get("speakers") or []:
                    assert speaker["name"] in page


def test_programme_shows_breaks_with_their_note_and_time_ranges(client, edition_2023):
    page = text_of(client.get("/2023/program/"))
    assert "11.15–11.40 Pause Besøg standene" in page
    assert "Torsdag den 11. maj 2023" in page and "Fredag den 12. maj 2023" in page


def test_programme_says_which_version_is_shown(client, edition_2023):
    page = text_of(client.get("/2023/program/"))
    assert "Dette er version 1 af programmet" in page
    # 2023 is over: its programme is final, no longer "updated as we go" (issue 13).
    assert "opdateres løbende" not in page


def test_programme_is_in_the_main_menu(client, edition_2023):
    assert 'href="/2023/program/"' in client.get("/2023/").content.decode()


def test_edition_page_tells_which_version_is_out_and_the_programme_note(client, edition_2023):
    page = text_of(client.get("/2023/"))
    assert "Version 1 af programmet er offentliggjort" in page
    assert "opdateres løbende" not in page  # 2023 is over (issue 13)


def test_before_the_first_version_the_programme_page_says_it_is_not_out(client):
    load_edition(seed_data(2023))
    response = client.get("/2023/program/")
    assert response.status_code == 200
    assert "Programmet er ikke offentliggjort endnu" in text_of(response)


def test_a_scheduled_version_is_not_shown_before_its_moment(client):
    edition, _ = load_edition(seed_data(2023))
    publish_programme(edition=edition, comment="", publish_at=timezone.now() + timedelta(days=1))
    assert "Programmet er ikke offentliggjort endnu" in text_of(client.get("/2023/program/"))


def test_the_public_sees_the_published_version_not_the_draft(client, edition_2023):
    Item.objects.filter(title="Velfærd i balance").update(title="Kladde-titel")
    page = text_of(client.get("/2023/program/"))
    assert "Velfærd i balance" in page and "Kladde-titel" not in page


def test_filter_by_kind_shows_only_that_kind(client, edition_2023):
    page = text_of(client.get("/2023/program/?type=temamoede"))
    assert "Temamøde 3: Små, faste teams i ældreplejen – hvordan?" in page
    assert "Politisk forsamlingshus om socialområdet" not in page
    assert "Velfærd i balance" not in page.split("Vis hele programmet", 1)[1]


def test_filter_by_theme_shows_only_that_theme_block(client, edition_2023):
    block = Item.objects.get(title="Hvad driver unges mistrivsel?")
    page = text_of(client.get(f"/2023/program/?tema={block.uid}"))
    body = page.split("Vis hele programmet", 1)[1]
    assert "Hvad ved vi om unges mistrivsel?" in body
    assert "Robusthedskommissionen" not in body


def test_filter_by_track_keeps_shared_items_and_that_track():
    edition = builders.edition()
    day = builders.day(edition)
    social = edition.tracks.create(key="social", name="Den Socialpolitiske Sæson", order=0)
    health = edition.tracks.create(key="health", name="Den Sundheds- og ældrepolitiske Sæson")
    builders.item(day, "Fælles åbning", "10:00")
    builders.item(day, "Socialt oplæg", "13:00", track=social)
    builders.item(day, "Sundhedsoplæg", "13:00", track=health)
    publish_programme(edition=edition, comment="")
    from django.test import Client

    page = text_of(Client().get("/2030/program/?spor=social"))
    assert "Fælles åbning" in page and "Socialt oplæg" in page
    assert "Sundhedsoplæg" not in page


def test_parallel_tracks_stand_side_by_side(client):
    edition = builders.edition()
    day = builders.day(edition)
    social = edition.tracks.create(key="social", name="Den Socialpolitiske Sæson", order=0)
    health = edition.tracks.create(key="health", name="Den Sundheds- og ældrepolitiske Sæson")
    builders.item(day, "Socialt oplæg", "13:00", track=social)
    builders.item(day, "Sundhedsoplæg", "13:00", track=health)
    publish_programme(edition=edition, comment="")
    html = client.get("/2030/program/").content.decode()
    assert html.count('class="programme-tracks"') == 1
    assert html.count('class="programme-track"') == 2


def test_timetable_runs_the_same_queries_however_long_the_programme(client):
    short, long = builders.edition("kort"), builders.edition("lang", year=2031)
    builders.long_programme(short, days=1, items_per_day=1)
    builders.long_programme(long, days=2, items_per_day=9)
    publish_programme(edition=short, comment="")
    publish_programme(edition=long, comment="")
    with CaptureQueriesContext(connection) as short_queries:
        assert client.get("/kort/program/").status_code == 200
    with CaptureQueriesContext(connection) as long_queries:
        assert client.get("/lang/program/").status_code == 200
    assert len(short_queries) == len(long_queries)
    assert len(long_queries) <= 4


def test_session_page_shows_time_description_and_speakers(client, edition_2023):
    session = Session.objects.get(number=3)
    response = client.get(f"/2023/program/session/{session.uid}/")
    page = text_of(response)
    assert "Temamøde 3: Små, faste teams i ældreplejen – hvordan?" in page
    assert "Torsdag den 11. maj 2023, kl. 15.10–16.10" in page
    assert "Pia Kürstein Kjellberg, projektchef i Vive" in page


def test_unknown_session_is_not_found(client, edition_2023):
    assert client.get("/2023/program/session/ikke-til/").status_code == 404


def test_speaker_page_lists_where_the_speaker_appears(client, edition_2023):
    speaker = Speaker.objects.get(name="Anne Görlich")
    page = text_of(client.get(f"/2023/program/oplaegsholder/{speaker.pk}/"))
    assert "Hvad ved vi om unges mistrivsel?" in page
    assert "Dialog med salen" in page
    assert "Fredag den 12. maj 2023, kl. 09.10–09.35" in page


def test_speaker_not_in_the_published_programme_is_not_found(client, edition_2023):
    stranger = Speaker.objects.create(name="Ikke med")
    assert client.get(f"/2023/program/oplaegsholder/{stranger.pk}/").status_code == 404


def test_changes_page_lists_versions_with_number_comment_and_date(client, edition_2023):
    publish_programme(edition=edition_2023, comment="Rettelser")
    page = text_of(client.get("/2023/program/aendringer/"))
    assert "Version 2" in page and "Rettelser" in page
    assert "Version 1" in page and "Første version" in page
    assert "Den første offentliggjorte version af programmet." in page
    assert "Ingen ændringer i tider, lokaler, titler eller oplægsholdere." in page


def test_programme_links_to_its_exports_and_changes(client, edition_2023):
    html = client.get("/2023/program/").content.decode()
    for href in (
        "/2023/program/program.pdf",
        "/2023/program/program.ics",
        "/2023/program/schedule.json",
        "/2023/program/schedule.xml",
        "/2023/program/aendringer/",
    ):
        assert f'href="{href}"' in html


def test_changes_feed_is_atom_with_one_entry_per_version(client, edition_2023):
    from lxml import etree

    publish_programme(edition=edition_2023, comment="Rettelser")
    response = client.get("/2023/program/aendringer.atom")
    feed = etree.fromstring(response.content)
    atom = {"a": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in feed.findall("a:entry/a:title", atom)]
    assert titles == [
        "Version 2 af programmet: Rettelser",
        "Version 1 af programmet: Første version",
    ]
    links = [link.get("href") for link in feed.findall("a:entry/a:link", atom)]
    assert links[0].endswith("/2023/program/aendringer/#version-2")


def test_changes_feed_of_an_unknown_edition_is_not_found(client):
    assert client.get("/1999/program/aendringer.atom").status_code == 404


def test_programme_can_be_read_with_an_english_interface(client, edition_2023):
    client.post("/i18n/setlang/", {"language": "en", "next": "/2023/program/"})
    page = text_of(client.get("/2023/program/"))
    assert "This is version 1 of the programme" in page
    assert "Thursday 11 May 2023" in page
    assert "Velfærd i balance" in page  # the content stays as written
