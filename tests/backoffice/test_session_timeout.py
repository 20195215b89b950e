"""Staff sessions end after 30 minutes without a request and after 12 hours in any case, with
a Danish message on the login page; participants' visits are not touched."""

from datetime import timedelta

import pytest

from forsamling.backoffice.session_timeout import SEEN, STARTED

OVERVIEW = "/backoffice/konference/2026/overblik/"


@pytest.fixture
def organiser(client, conference, users):
    client.force_login(users.organiser)
    assert client.get(OVERVIEW).status_code == 200  # the session is stamped
    return users.organiser


def age(client, key, seconds):
    session = client.session
    session[key] -= seconds
    session.save()


def test_a_staff_session_lasts_12_hours_at_most(client, organiser):
    assert client.session.get_expiry_age() == 12 * 3600 + 30 * 60  # not Django's 14 days


def test_29_idle_minutes_keep_the_session(client, organiser):
    age(client, SEEN, 29 * 60)
    assert client.get(OVERVIEW).status_code == 200


def test_31_idle_minutes_end_it_with_a_danish_message(client, organiser):
    age(client, SEEN, 31 * 60)
    response = client.get(OVERVIEW, follow=True)
    assert response.redirect_chain[-1][0].startswith("/backoffice/login/")
    page = response.content.decode()
    assert "Du er logget ud, fordi du ikke har brugt backoffice i 30 minutter." in page
    assert "_auth_user_id" not in client.session
    assert client.get(OVERVIEW).status_code == 302


def test_activity_does_not_stretch_a_session_past_12_hours(client, organiser):
    age(client, STARTED, 12 * 3600 + 1)
    response = client.get(OVERVIEW, follow=True)
    assert "Du er logget ud, fordi du har været logget ind i 12 timer." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_the_idle_timeout_is_a_setting(client, organiser, settings):
    settings.STAFF_SESSION_IDLE_TIMEOUT = timedelta(minutes=5)
    age(client, SEEN, 6 * 60)
    assert client.get(OVERVIEW).status_code == 302


def test_participants_visits_are_not_stamped(client, conference, people):
    """Participants do not log in; their private pages leave no staff stamps or expiry."""
    response = client.get(f"/2026/tilmelding/{people.aase.token}/")
    assert response.status_code == 200
    assert STARTED not in client.session and SEEN not in client.session
