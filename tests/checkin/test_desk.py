"""The check-in desk page, as check-in staff use it."""

from forsamling.checkin.models import CheckIn
from forsamling.checkin.tokens import badge_code
from forsamling.registration.services import cancel_registration


def url(conference):
    return f"/backoffice/konference/{conference.edition.slug}/indtjekning/"


def test_typing_the_code_checks_the_person_in(client, conference, people, users):
    client.force_login(users.checkin)
    response = client.post(url(conference), {"kode": badge_code(people.aase.pk)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tjekket ind" in html and "Aase Ørum" in html and "Aabenraa Kommune" in html
    assert "1 deltager er tjekket ind" in html
    assert CheckIn.objects.filter(registration=people.aase).exists()


def test_scanning_twice_warns_clearly(client, conference, people, users):
    client.force_login(users.checkin)
    client.post(url(conference), {"kode": badge_code(people.aase.pk)})
    html = client.post(url(conference), {"kode": badge_code(people.aase.pk)}).content.decode()
    assert "Allerede tjekket ind" in html and "af doer" in html and 'role="alert"' in html


def test_a_phone_camera_opens_the_badge_url_and_confirms_with_a_button(
    client, conference, people, users
):
    client.force_login(users.checkin)
    html = client.get(url(conference), {"kode": badge_code(people.bo.pk)}).content.decode()
    assert "Bo Andersen" in html and "Tjek ind" in html
    assert not CheckIn.objects.exists()  # looking is not checking in


def test_an_unknown_code_says_so(client, conference, people, users):
    client.force_login(users.checkin)
    response = client.post(url(conference), {"kode": "123-abc"})
    assert response.status_code == 404
    assert "passer ikke til et navneskilt" in response.content.decode()


def test_a_cancelled_registration_is_sent_to_the_information(client, conference, people, users):
    cancel_registration(registration=people.bo)
    client.force_login(users.checkin)
    response = client.post(url(conference), {"kode": badge_code(people.bo.pk)})
    assert response.status_code == 409
    assert "afmeldt" in response.content.decode()


def test_the_desk_shows_only_check_in_to_check_in_staff(client, conference, users):
    client.force_login(users.checkin)
    html = client.get(url(conference)).content.decode()
    assert "overblik/" not in html and "beskeder/" not in html


def test_a_forgotten_badge_is_found_by_name_whatever_the_case(client, conference, people, users):
    client.force_login(users.checkin)
    html = client.get(url(conference), {"navn": "øRUM"}).content.decode()
    assert "Aase Ørum" in html and badge_code(people.aase.pk) in html
    assert "Bo Andersen" not in html


def test_name_search_finds_by_organisation_and_skips_the_cancelled(
    client, conference, people, users
):
    cancel_registration(registration=people.zara)
    client.force_login(users.checkin)
    html = client.get(url(conference), {"navn": "aabenraa"}).content.decode()
    assert "Aase Ørum" in html and "Zara Holm" not in html


def test_name_search_shows_who_already_arrived(client, conference, people, users):
    client.force_login(users.checkin)
    client.post(url(conference), {"kode": badge_code(people.bo.pk)})
    html = client.get(url(conference), {"navn": "bo and"}).content.decode()
    assert "Tjekket ind" in html and 'aria-label="Tjek ind: Bo Andersen"' not in html


def test_the_search_buttons_names_begin_with_their_visible_text(client, conference, people, users):
    """WCAG 2.5.3 (label in name): a voice user says "Tjek ind"; the button's accessible name
    must contain it, the person's name after it."""
    client.force_login(users.checkin)
    html = client.get(url(conference), {"navn": "øRUM"}).content.decode()
    assert 'aria-label="Tjek ind: Aase Ørum">Tjek ind</button>' in html
