"""The participant's ranking page, the public explanation, and the organisers' round pages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forsamling.preferences import services
from forsamling.preferences.models import PreferenceRound, RoundStatus
from forsamling.registration.models import Choice
from tests.preferences.conftest import ORGANISER, make_round, register
from tests.registration.conftest import make_session

pytestmark = pytest.mark.django_db


def rank_url(registration):
    return f"/{registration.edition.slug}/tilmelding/{registration.token}/prioriteringer/"


def test_ranking_page_offers_one_select_per_position_with_only_eligible_sessions(client, edition):
    round = make_round(edition, [edition.houses_slot])
    services.open_round(round=round, actor=ORGANISER)
    politician = register(edition, edition.politician)

    page = client.get(rank_url(politician)).content.decode()

    assert f'for="id_slot_{edition.houses_slot.pk}_1">1. valg' in page
    assert "Forsamlingshus om sundhed" in page
    assert "Hvad kræver frisættelse?" not in page  # for non-politicians only
    assert "Forsamlingshus for sundhedsrådene" not in page  # for health councils only
    assert f"id_slot_{edition.houses_slot.pk}_2" not in page  # one session, one position


def test_ranking_is_saved_in_the_order_chosen_with_gaps_closed(client, round, edition):
    official = register(edition, edition.official)
    slot = edition.themes_slot.pk

    response = client.post(
        rank_url(official),
        {"round": round.pk, f"slot_{slot}_1": "", f"slot_{slot}_2": edition.big_theme.pk},
    )

    assert response.status_code == 302
    assert list(official.rankings.values_list("session", "rank")) == [(edition.big_theme.pk, 1)]
    page = client.get(rank_url(official)).content.decode()
    assert "Dine prioriteringer er gemt." in page
    assert f'<option value="{edition.big_theme.pk}" selected>' in page


def test_the_same_session_twice_is_an_error_next_to_the_field(client, round, edition):
    official = register(edition, edition.official)
    slot = edition.themes_slot.pk
    small = edition.small_theme.pk

    response = client.post(
        rank_url(official), {"round": round.pk, f"slot_{slot}_1": small, f"slot_{slot}_2": small}
    )

    assert response.status_code == 400
    assert "Du har allerede valgt" in response.content.decode()
    assert not official.rankings.exists()


def test_a_tampered_round_field_is_not_found(client, round, edition):
    official = register(edition, edition.official)

    assert client.post(rank_url(official), {"round": "x"}).status_code == 404
    assert client.post(rank_url(official), {"round": round.pk + 1}).status_code == 404


def test_after_closing_the_page_says_so_and_saves_nothing(client, round, edition):
    official = register(edition, edition.official)
    services.close_round(round=round, actor=ORGANISER)

    page = client.get(rank_url(official)).content.decode()
    assert "Prioriteringen er lukket." in page
    assert "<select" not in page
    response = client.post(
        rank_url(official),
        {"round": round.pk, f"slot_{edition.themes_slot.pk}_1": edition.big_theme.pk},
    )
    assert response.status_code == 400
    assert not official.rankings.exists()


def test_after_publishing_the_participant_sees_their_session_and_pseudonym(
    client, round, edition, django_capture_on_commit_callbacks
):
    official = register(edition, edition.official)
    services.save_rankings(
        round=round, registration=official, rankings={edition.themes_slot.pk: [edition.big_theme]}
    )
    services.close_round(round=round, actor=ORGANISER)
    services.run_allocation(round=round, actor=ORGANISER)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_round(round=round, actor=ORGANISER)

    page = client.get(rank_url(official)).content.decode()

    assert "Pladserne er fordelt" in page and "Psykiatri" in page
    pseudonym = next(iter(round.pseudonyms))
    assert pseudonym in page


def test_about_page_explains_the_rules_and_shows_the_commitment_not_the_seed(
    client, round, edition
):
    page = client.get(f"/{edition.slug}/fordeling/").content.decode()

    assert "Sådan fordeles pladserne" in page
    assert round.seed_commitment in page
    assert round.seed not in page
    assert "allocation_cli" in page


def test_draft_rounds_are_not_public(client, edition):
    round = make_round(edition, [edition.themes_slot])

    assert round.seed_commitment not in client.get(f"/{edition.slug}/fordeling/").content.decode()


@pytest.fixture
def organiser_client(client):
    user = User.objects.create_superuser("arrangoer", "a@kl.dk", "hemmeligt-kodeord-123")
    client.force_login(user)
    return client


def test_back_office_pages_need_a_staff_login(client, round):
    assert client.get("/backoffice/praeferencer/").status_code == 302
    assert client.post(f"/backoffice/praeferencer/{round.pk}/close/").status_code == 302
    assert PreferenceRound.objects.get(pk=round.pk).status == RoundStatus.OPEN


def test_the_admins_add_button_leads_to_the_rounds_page(organiser_client):
    response = organiser_client.get("/backoffice/preferences/preferenceround/add/")

    assert response.status_code == 302
    assert response["Location"] == "/backoffice/praeferencer/"


def create_round(client, edition):
    """The organiser makes a round of the theme meetings, open from 2020 to 2099."""
    return client.post(
        "/backoffice/praeferencer/",
        {
            "edition": edition.pk,
            "title": "Temamøder",
            "slots": [edition.themes_slot.pk],
            "opens_at": "2020-01-01T10:00",
            "closes_at": "2099-01-01T10:00",
        },
    )


def test_organiser_creates_runs_previews_and_publishes_a_round(
    organiser_client, edition, django_capture_on_commit_callbacks
):
    client = organiser_client
    response = create_round(client, edition)
    round = PreferenceRound.objects.get()
    assert response.status_code == 302
    base = f"/backoffice/praeferencer/{round.pk}"
    client.post(f"{base}/open/")
    for i in range(3):
        services.save_rankings(
            round=round,
            registration=register(edition, edition.official, f"P {i}"),
            rankings={edition.themes_slot.pk: [edition.small_theme, edition.big_theme]},
        )
    client.post(f"{base}/close/")
    client.post(f"{base}/run/")

    page = client.get(f"{base}/").content.decode()
    assert "Forhåndsvisning – ikke offentliggjort" in page
    assert "Hvilket valg fik deltagerne?" in page
    assert not Choice.objects.exists()
    client.post(f"{base}/rerun/")
    round.refresh_from_db()
    assert len(round.commitments) == 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{base}/publish/")
    assert Choice.objects.count() == 3
    response = client.post(f"{base}/rerun/", follow=True)
    assert "kan ikke ændres" in response.content.decode()
    assert PreferenceRound.objects.get().seed == round.seed


def test_a_round_cannot_take_a_slot_where_seats_are_taken(organiser_client, edition):
    register(edition, edition.official, "Anna Berg", [edition.big_theme])

    response = create_round(organiser_client, edition)

    assert response.status_code == 200
    assert "allerede valgt sessioner" in response.content.decode()
    assert not PreferenceRound.objects.exists()


def test_ranking_page_queries_do_not_grow_with_sessions_or_participants(client, round, edition):
    official = register(edition, edition.official)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(rank_url(official)).status_code == 200
        return len(queries)

    before = count()
    for i in range(5):
        make_session(edition.themes_slot, f"Ekstra {i}", capacity=10)
        services.save_rankings(
            round=round,
            registration=register(edition, edition.official, f"P {i}"),
            rankings={edition.themes_slot.pk: [edition.big_theme]},
        )
    services.save_rankings(
        round=round,
        registration=official,
        rankings={edition.themes_slot.pk: [edition.big_theme, edition.small_theme]},
    )

    assert count() == before
