"""The organisers' pages for speakers (invite, who has not confirmed, not sent slides or needs
a hotel, XLSX) and for the dinner (seats, tables, the plan), by role."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from forsamling.outbox.models import SentMessage
from forsamling.programme.models import ItemSpeaker, Speaker
from forsamling.registration.models import Category, TableSeat
from forsamling.speakers import services
from forsamling.speakers.models import SpeakerRecord
from tests.backoffice.conftest import register


@pytest.fixture
def speakers(conference, users):
    edition = conference.edition
    category = Category.objects.create(
        edition=edition, key="taler", name="Oplægsholder", price=Decimal("0"),
        invitation_only=True, order=9,
    )  # fmt: skip
    names = ["Lise Mortensen", "Karl Berg", "Sofie Dahl"]
    found = []
    for name in names:
        speaker = Speaker.objects.create(name=name)
        ItemSpeaker.objects.create(item=conference.small.slot, speaker=speaker)
        found.append(speaker)
    lise = services.invite_speaker(
        edition=edition, speaker=found[0], email="lise@example.dk", category=category,
        user=users.organiser,
    )  # fmt: skip
    karl = services.invite_speaker(
        edition=edition, speaker=found[1], email="karl@example.dk", category=category,
        user=users.organiser,
    )  # fmt: skip
    services.save_speaker_page(
        record=karl,
        profile=services.SpeakerProfile(
            title="Forsker", organisation="VIVE", bio="Forsker i ældrepleje.",
            hotel_night=True, dietary="Glutenfri",
        ),
    )  # fmt: skip
    return type("S", (), {"category": category, "lise": lise, "karl": karl, "sofie": found[2]})


def url(conference, tail=""):
    return f"/backoffice/konference/{conference.edition.slug}/oplaegsholdere/{tail}"


def test_the_list_filters_unconfirmed_without_slides_and_hotel(client, conference, users, speakers):
    client.force_login(users.organiser)
    page = client.get(url(conference)).content.decode()
    assert "Lise Mortensen" in page and "Karl Berg" in page and "Ikke bekræftet" in page
    unconfirmed = client.get(url(conference) + "?ikke_bekraeftet=on").content.decode()
    assert "Lise Mortensen" in unconfirmed and "Karl Berg" not in unconfirmed
    hotel = client.get(url(conference) + "?hotel=on").content.decode()
    assert "Karl Berg" in hotel and "Lise Mortensen" not in hotel
    no_slides = client.get(url(conference) + "?uden_slides=on").content.decode()
    assert "Karl Berg" in no_slides and "Lise Mortensen" in no_slides


def test_the_xlsx_has_the_filtered_rows_and_diets_only_for_who_may_see_needs(
    client, conference, users, speakers
):
    client.force_login(users.organiser)
    response = client.get(url(conference) + "?hotel=on&eksport=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][-1] == "Kosthensyn" and len(rows) == 2
    assert rows[1][0] == "Karl Berg" and rows[1][-1] == "Glutenfri"
    client.force_login(users.viewer)  # may export, may not see needs
    rows = list(
        load_workbook(
            io.BytesIO(client.get(url(conference) + "?eksport=xlsx").content)
        ).active.values
    )
    assert "Kosthensyn" not in rows[0] and len(rows) == 3
    assert "Glutenfri" not in client.get(url(conference)).content.decode()


def invite_sofie(client, conference, speakers, category):
    """The organiser invites Sofie Dahl as a speaker in `category`."""
    return client.post(
        url(conference, "inviter/"),
        {"speaker": speakers.sofie.pk, "email": "sofie@example.dk", "category": category.pk},
    )


def test_an_organiser_invites_from_the_programme_and_the_email_waits_in_the_outbox(
    client, conference, users, speakers
):
    client.force_login(users.organiser)
    page = client.get(url(conference)).content.decode()
    assert "Sofie Dahl" in page  # on the programme, not yet invited
    response = invite_sofie(client, conference, speakers, speakers.category)
    assert response.status_code == 302
    record = SpeakerRecord.objects.get(speaker=speakers.sofie)
    assert SentMessage.objects.filter(to="sofie@example.dk", body__contains=record.token).exists()


def test_a_paid_or_open_category_cannot_be_chosen_for_an_invitation(
    client, conference, users, speakers
):
    client.force_login(users.organiser)
    response = invite_sofie(client, conference, speakers, conference.official)
    assert response.status_code == 400
    assert not SpeakerRecord.objects.filter(speaker=speakers.sofie).exists()


def test_a_new_free_category_is_one_speakers_can_be_invited_to(client, conference, users, speakers):
    """Issue 28: a free category is invitation-only once saved, so it is offered for the
    speakers' invitation and no warning about an open free category is needed any more."""
    press = Category.objects.create(
        edition=conference.edition, key="gratis", name="Presse", order=8
    )
    client.force_login(users.organiser)
    page = client.get(url(conference)).content.decode()
    assert f'<option value="{press.pk}">Presse</option>' in page
    assert "kræver ikke invitationskode" not in page


def dinner_url(conference, tail=""):
    return f"/backoffice/konference/{conference.edition.slug}/middag/{tail}"


def test_the_dinner_page_sets_seats_tables_and_seats_by_organisation(
    client, conference, users, evening
):
    guests = [
        register(conference, f"Gæst {n}", organisation=org, dinner=True)
        for n, org in enumerate(["Aalborg Kommune", "Aalborg Kommune", "KL", "KL", "Vejle Kommune"])
    ]
    client.force_login(users.organiser)
    assert client.post(dinner_url(conference, "pladser/"), {"capacity": "4"}).status_code == 302
    page = client.get(dinner_url(conference)).content.decode()
    assert "4 af 4 pladser er taget; 1 på venteliste" in page
    bad = client.post(dinner_url(conference, "borde/"), {"sizes": "8, otte"})
    assert bad.status_code == 400 and "Skriv hvert bords antal pladser" in bad.content.decode()
    assert client.post(dinner_url(conference, "borde/"), {"sizes": "2, 2"}).status_code == 302
    client.post(dinner_url(conference, "placer-alle/"))
    plan = dict(TableSeat.objects.values_list("registration__name", "table__number"))
    assert len(plan) == 4 and "Gæst 4" not in plan  # the fifth waits for a seat
    assert plan["Gæst 0"] == plan["Gæst 1"] and plan["Gæst 2"] == plan["Gæst 3"]
    moved = client.post(dinner_url(conference, f"placer/{guests[0].pk}/"), {"table": "2"})
    assert moved.status_code == 302
    assert "er fuldt" in client.get(dinner_url(conference)).content.decode()


def test_a_viewer_sees_the_dinner_but_changes_nothing(client, conference, users, evening):
    client.force_login(users.viewer)
    assert client.get(dinner_url(conference)).status_code == 200
    assert client.post(dinner_url(conference, "pladser/"), {"capacity": "4"}).status_code == 403
