"""Every role against every back-office page: who gets in, who is turned away."""

import pytest
from django.test import override_settings

from forsamling.accounts.access import editions_for, roles_for, user_may
from forsamling.accounts.roles import grant_role, revoke_role
from forsamling.domain.permissions import Action, Role
from tests.backoffice.conftest import make_conference, make_user

PAGES = {
    "overview": ("get", "overblik/"),
    "fragment": ("get", "overblik/?fragment=1"),
    "list": ("get", "tilmeldinger/"),
    "csv": ("get", "tilmeldinger/?format=csv"),
    "participants": ("get", "deltagerliste.xlsx"),
    "invoices": ("get", "fakturagrundlag.xlsx"),
    "registration": ("get", "tilmeldinger/999999/"),
    "outputs": ("get", "pdf/"),
    "order": ("post", "pdf/bestil/"),
    "messages": ("get", "beskeder/"),
    "checkin": ("get", "indtjekning/"),
}
ALLOWED = {
    "organiser": set(PAGES),
    "superuser": set(PAGES),
    "viewer": {
        "overview",
        "fragment",
        "list",
        "csv",
        "participants",
        "outputs",
        "registration",
    },
    "checkin": {"checkin"},
    "no_role": set(),
}


def visit(client, conference, page):
    method, path = PAGES[page]
    url = f"/backoffice/konference/{conference.edition.slug}/{path}"
    if method == "post":
        return client.post(url, {"kind": "participant_list"})
    return client.get(url)


@pytest.mark.parametrize("who", list(ALLOWED))
@pytest.mark.parametrize("page", list(PAGES))
def test_each_role_reaches_only_its_pages(client, conference, users, who, page):
    client.force_login(getattr(users, who))
    response = visit(client, conference, page)
    if page == "registration" and page in ALLOWED[who]:
        assert response.status_code == 404  # let in, but there is no such registration
    elif page in ALLOWED[who]:
        assert response.status_code in {200, 302}
        if response.status_code == 302:
            assert "/pdf/" in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("page", list(PAGES))
def test_anonymous_visitors_are_sent_to_the_login(client, conference, page):
    response = visit(client, conference, page)
    assert response.status_code == 302
    assert response["Location"].startswith("/backoffice/login/")


@pytest.mark.parametrize("page", list(PAGES))
def test_an_organiser_of_another_edition_is_turned_away(client, conference, page):
    other = make_conference("2027")
    stranger = make_user("fremmed")
    grant_role(user=stranger, edition=other.edition, role=Role.ORGANISER)
    client.force_login(stranger)
    assert visit(client, conference, page).status_code == 403


def test_a_user_who_lost_staff_status_is_turned_away(client, conference, users):
    users.organiser.is_staff = False
    users.organiser.save()
    client.force_login(users.organiser)
    assert visit(client, conference, "overview").status_code == 302


@override_settings(FORSAMLING_REQUIRE_OTP=True)
def test_without_a_second_factor_even_an_organiser_is_turned_away(client, conference, users):
    client.force_login(users.organiser)
    assert visit(client, conference, "overview").status_code == 403


def test_roles_are_per_edition(conference, users):
    other = make_conference("2027")
    assert roles_for(users.organiser, conference.edition) == {Role.ORGANISER}
    assert roles_for(users.organiser, other.edition) == set()
    assert user_may(users.organiser, conference.edition, Action.SEND_MESSAGE)
    assert not user_may(users.organiser, other.edition, Action.VIEW)


def test_an_inactive_user_has_no_roles(conference, users):
    users.organiser.is_active = False
    users.organiser.save()
    assert roles_for(users.organiser, conference.edition) == set()
    assert not user_may(users.organiser, conference.edition, Action.VIEW)


def test_editions_listed_are_those_with_a_role(conference, users):
    other = make_conference("2027")
    assert list(editions_for(users.viewer)) == [conference.edition]
    assert set(editions_for(users.superuser)) == {conference.edition, other.edition}


def test_granting_a_role_makes_staff(conference):
    user = make_user("ny")
    grant_role(user=user, edition=conference.edition, role=Role.VIEWER)
    user.refresh_from_db()
    assert user.is_staff
    assert roles_for(user, conference.edition) == {Role.VIEWER}


def test_roles_give_no_global_model_permissions(conference, users):
    """The role per edition is the whole rule: nothing is granted for every edition at once."""
    assert not users.organiser.get_all_permissions()
    assert not users.viewer.get_all_permissions()


def test_revoking_a_role_takes_it_for_that_edition_only(conference, users):
    other = make_conference("2027")
    grant_role(user=users.viewer, edition=other.edition, role=Role.VIEWER)
    revoke_role(user=users.viewer, edition=conference.edition, role=Role.VIEWER)
    assert roles_for(users.viewer, conference.edition) == set()
    assert roles_for(users.viewer, other.edition) == {Role.VIEWER}


def test_edition_list_shows_the_users_editions(client, conference, users):
    client.force_login(users.checkin)
    response = client.get("/backoffice/konference/")
    assert response.status_code == 200
    assert conference.edition.title in response.content.decode()


def test_check_in_staff_land_in_the_check_in_app(client, conference, users):
    client.force_login(users.checkin)
    response = client.get(f"/backoffice/konference/{conference.edition.slug}/")
    assert response["Location"].endswith("/tjekind/")


def test_organisers_land_at_the_overview(client, conference, users):
    client.force_login(users.organiser)
    response = client.get(f"/backoffice/konference/{conference.edition.slug}/")
    assert response["Location"].endswith("/overblik/")


def test_an_organiser_given_the_role_on_the_role_page_runs_preference_rounds(
    client, conference, users
):
    """The bug of issue 12: the role page gave the role but not the rounds' pages, and the
    list showed every edition's rounds."""
    from datetime import timedelta

    from django.utils import timezone

    from forsamling.preferences.models import PreferenceRound

    other = make_conference("2027")
    now = timezone.now()
    for edition, title in [(conference.edition, "Runde i år"), (other.edition, "Runde næste år")]:
        PreferenceRound.objects.create(
            edition=edition, title=title, opens_at=now, closes_at=now + timedelta(days=1)
        )
    newcomer = make_user("nyarrangoer")
    client.force_login(users.superuser)
    client.post(
        "/backoffice/accounts/editionrole/add/",
        {"user": newcomer.pk, "edition": conference.edition.pk, "role": "organiser"},
    )
    client.force_login(newcomer)

    page = client.get("/backoffice/praeferencer/")
    mine = PreferenceRound.objects.get(title="Runde i år")
    theirs = PreferenceRound.objects.get(title="Runde næste år")

    assert page.status_code == 200
    assert "Runde i år" in page.content.decode()
    assert "Runde næste år" not in page.content.decode()
    assert client.get(f"/backoffice/praeferencer/{mine.pk}/").status_code == 200
    assert client.get(f"/backoffice/praeferencer/{theirs.pk}/").status_code == 403
    assert client.post(f"/backoffice/praeferencer/{theirs.pk}/close/").status_code == 403
