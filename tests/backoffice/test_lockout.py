"""Password guessing: after repeated failures a user name is locked out from that address only.

Nobody can lock an organiser out from elsewhere, nor everyone behind a venue's shared address,
and attempts during a lockout do not stretch it."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from tests.backoffice.conftest import make_conference, make_user

PASSWORD = "correct horse battery"
ATTACKER = "203.0.113.7"
HOME = "198.51.100.9"
LOCKOUTS = "/backoffice/konference/logins/spaerrede/"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def login(client, username, password, address=ATTACKER):
    return client.post(
        "/backoffice/login/?next=/backoffice/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def lock(client, username, address=ATTACKER):
    for _ in range(5):
        login(client, username, "gæt", address)


def test_five_wrong_passwords_lock_the_user_out_from_that_address_in_danish(client, db):
    user = make_user("arrangoer", is_staff=True)
    for _ in range(4):
        assert login(client, user.username, "gæt").status_code == 200
    locked = login(client, user.username, "gæt")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Login er midlertidigt spærret" in page and "Prøv igen om 15 minutter" in page
    assert "Log ind med et engangslink" in page
    assert locked["Retry-After"] == "900"
    # The right password is refused from that address too.
    assert login(client, user.username, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_guessing_from_elsewhere_does_not_lock_the_real_user_out(client, db):
    """Five wrong passwords for `arrangoer` from anywhere lock only that address."""
    user = make_user("arrangoer", is_staff=True)
    lock(client, user.username, ATTACKER)
    assert login(client, user.username, PASSWORD, ATTACKER).status_code == 429
    assert login(client, user.username, PASSWORD, HOME).status_code == 302


def test_a_venue_behind_one_address_is_not_locked_out_by_one_guesser(client, db):
    venue = "192.0.2.10"
    guesser = make_user("bruger0", is_staff=True)
    colleagues = [make_user(f"bruger{i}", is_staff=True) for i in range(1, 7)]
    lock(client, guesser.username, venue)
    for user in colleagues[:5]:
        login(client, user.username, "forkert", venue)  # one typo each
    assert login(client, colleagues[5].username, PASSWORD, venue).status_code == 302
    client.logout()
    assert login(client, colleagues[0].username, PASSWORD, venue).status_code == 302


def test_attempts_during_a_lockout_do_not_stretch_it(client, db):
    """One guess every 14 minutes would otherwise keep the user locked out for good."""
    user = make_user("arrangoer", is_staff=True)
    lock(client, user.username)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time
                                 - timedelta(minutes=14))  # fmt: skip
    assert login(client, user.username, "gæt igen").status_code == 429  # 14 minutes in
    attempt = AccessAttempt.objects.get()
    attempt.attempt_time -= timedelta(minutes=2)  # 16 minutes after the lockout began
    attempt.save()
    assert login(client, user.username, PASSWORD).status_code == 302


def test_the_counters_are_rows_in_the_database(client, db):
    """Shared by every worker: the attempts are in the database, not in a process."""
    user = make_user("arrangoer", is_staff=True)
    login(client, user.username, "forkert")
    login(client, user.username, "forkert")
    attempt = AccessAttempt.objects.get(username="arrangoer")
    assert (attempt.ip_address, attempt.failures_since_start) == (ATTACKER, 2)


def test_a_good_login_clears_the_count(client, db):
    user = make_user("arrangoer", is_staff=True)
    for _ in range(4):
        login(client, user.username, "forkert")
    assert login(client, user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, user.username, "forkert")
    assert login(client, user.username, PASSWORD).status_code == 302


def test_a_lockout_is_logged(client, db, caplog):
    user = make_user("arrangoer", is_staff=True)
    with caplog.at_level(logging.WARNING, logger="forsamling.logins"):
        lock(client, user.username)
    lines = [r.getMessage() for r in caplog.records if r.name == "forsamling.logins"]
    assert lines == [f"Login refused: user name 'arrangoer' locked out from {ATTACKER}"]


def test_organisers_see_the_lockouts_and_lift_one(client, conference, users):
    lock(client, users.viewer.username)
    client.force_login(users.organiser)
    page = client.get(LOCKOUTS)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Spærrede logins" in body
    row = body.split("<tbody>")[1]
    assert users.viewer.username in row and ATTACKER in row and "<td data-label" in row
    assert ">5<" in row  # failures
    attempt = AccessAttempt.objects.get()
    lifted = client.post(f"{LOCKOUTS}{attempt.pk}/ophaev/", follow=True)
    assert "Spærringen er ophævet." in lifted.content.decode()
    assert not AccessAttempt.objects.exists()
    assert "Ingen logins er spærret lige nu." in lifted.content.decode()
    client.logout()
    assert login(client, users.viewer.username, PASSWORD).status_code == 302


def test_only_organisers_and_superusers_see_the_lockouts(client, conference, users):
    lock(client, "arrangoer")
    attempt = AccessAttempt.objects.get()
    client.force_login(users.superuser)
    assert client.get(LOCKOUTS).status_code == 200
    for user in (users.viewer, users.checkin, users.no_role):
        client.force_login(user)
        assert client.get(LOCKOUTS).status_code == 403
        assert client.post(f"{LOCKOUTS}{attempt.pk}/ophaev/").status_code == 403
    assert AccessAttempt.objects.exists()
    client.logout()
    assert client.get(LOCKOUTS)["Location"].startswith("/backoffice/login/")


def test_an_organiser_sees_and_lifts_only_their_editions_staff(client, conference, users):
    """Per role: the organiser sees their edition's staff (by user name or address, in any
    case), not another edition's staff, a superuser or a name that belongs to nobody; the
    superuser sees all of them."""
    other = make_conference("2027")
    stranger = make_user("fremmed")
    grant_role(user=stranger, edition=other.edition, role=Role.ORGANISER)
    lock(client, users.checkin.email.upper())  # the door staff, by address
    lock(client, stranger.username)
    lock(client, users.superuser.username)
    lock(client, "admin")  # nobody's
    attempts = {a.username: a for a in AccessAttempt.objects.all()}
    client.force_login(users.organiser)
    row = client.get(LOCKOUTS).content.decode().split("<tbody>")[1]
    assert users.checkin.email.upper() in row
    for hidden in (stranger.username, users.superuser.username, ">admin<"):
        assert hidden not in row
    refused = client.post(f"{LOCKOUTS}{attempts['fremmed'].pk}/ophaev/", follow=True)
    assert "Spærringen var allerede ophævet." in refused.content.decode()
    assert AccessAttempt.objects.filter(username="fremmed").exists()
    client.post(f"{LOCKOUTS}{attempts[users.checkin.email.upper()].pk}/ophaev/")
    assert not AccessAttempt.objects.filter(username=users.checkin.email.upper()).exists()
    client.force_login(users.superuser)
    page = client.get(LOCKOUTS).content.decode()
    assert "ser du alle spærringer" in page
    row = page.split("<tbody>")[1]
    assert all(name in row for name in ("fremmed", users.superuser.username, ">admin<"))
    client.force_login(stranger)
    row = client.get(LOCKOUTS).content.decode().split("<tbody>")[1]
    assert "fremmed" in row and "admin" not in row
