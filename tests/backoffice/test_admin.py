"""The admin around the organisers' pages: the way in, roles, and each registration's log."""

from forsamling.accounts.models import EditionRole
from forsamling.checkin.services import check_in
from forsamling.checkin.tokens import badge_code
from tests.backoffice.conftest import make_user


def test_admin_index_links_to_the_conference_pages(client, users):
    client.force_login(users.superuser)
    html = client.get("/backoffice/").content.decode()
    assert 'href="/backoffice/konference/"' in html


def test_a_registrations_admin_page_shows_its_log_with_the_check_in(
    client, conference, people, users
):
    check_in(edition=conference.edition, code=badge_code(people.bo.pk), by=users.checkin)
    client.force_login(users.superuser)
    html = client.get(f"/backoffice/registration/registration/{people.bo.pk}/change/").content
    text = html.decode()
    assert "indtjekning:doer" in text and "checked_in" in text


def test_giving_a_role_in_the_admin_goes_through_the_service(client, conference, users):
    newcomer = make_user("nykommer")
    client.force_login(users.superuser)
    response = client.post(
        "/backoffice/accounts/editionrole/add/",
        {"user": newcomer.pk, "edition": conference.edition.pk, "role": "checkin"},
    )
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.is_staff
    assert EditionRole.objects.get(user=newcomer).role == "checkin"
    role = EditionRole.objects.get(user=newcomer)
    client.post(f"/backoffice/accounts/editionrole/{role.pk}/delete/", {"post": "yes"})
    assert not EditionRole.objects.filter(user=newcomer).exists()


def test_viewers_read_on_the_back_office_pages_not_in_the_admin(client, conference, users):
    """The admin's actions (cancel, fill seats) run for anyone who may see the list."""
    client.force_login(users.viewer)
    assert client.get("/backoffice/registration/registration/").status_code == 403
    assert client.get("/backoffice/konference/2026/tilmeldinger/").status_code == 200


def test_organisers_work_in_the_admin_too(client, conference, people, users):
    client.force_login(users.organiser)
    assert client.get("/backoffice/registration/registration/").status_code == 200


def test_check_in_staff_see_nothing_in_the_admin(client, conference, users):
    client.force_login(users.checkin)
    assert client.get("/backoffice/registration/registration/").status_code == 403


def test_an_organiser_gives_roles_only_for_their_own_edition(client, conference, users):
    from tests.backoffice.conftest import make_conference

    other = make_conference("2027")
    newcomer = make_user("nykommer")
    client.force_login(users.organiser)
    refused = client.post(
        "/backoffice/accounts/editionrole/add/",
        {"user": newcomer.pk, "edition": other.edition.pk, "role": "organiser"},
    )
    assert refused.status_code == 200 and not EditionRole.objects.filter(user=newcomer).exists()
    given = client.post(
        "/backoffice/accounts/editionrole/add/",
        {"user": newcomer.pk, "edition": conference.edition.pk, "role": "viewer"},
    )
    assert given.status_code == 302
    assert EditionRole.objects.filter(user=newcomer, edition=conference.edition).exists()


def test_an_organiser_sees_only_the_roles_of_their_edition(client, conference, users):
    from forsamling.accounts.roles import grant_role
    from forsamling.domain.permissions import Role
    from tests.backoffice.conftest import make_conference

    other = make_conference("2027")
    grant_role(user=make_user("fremmed"), edition=other.edition, role=Role.ORGANISER)
    client.force_login(users.organiser)
    html = client.get("/backoffice/accounts/editionrole/").content.decode()
    assert "laeser" in html and "fremmed" not in html


def test_an_organiser_can_open_the_form_for_giving_a_role(client, conference, users):
    client.force_login(users.organiser)
    html = client.get("/backoffice/accounts/editionrole/add/").content.decode()
    assert "laeser" in html and conference.edition.title in html
