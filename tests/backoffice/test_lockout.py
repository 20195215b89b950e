"""Password guessing: after repeated failures the user name, or the address, is locked out."""

import pytest
from axes.models import AccessAttempt

from tests.backoffice.conftest import make_user

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5


def login(client, username, password, address="203.0.113.7"):
    return client.post(
        "/backoffice/login/?next=/backoffice/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_user_out_in_danish(client, db):
    user = make_user("arrangoer", is_staff=True)
    for _ in range(4):
        assert login(client, user.username, "gæt").status_code == 200
    locked = login(client, user.username, "gæt")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Login er midlertidigt spærret" in page and "Prøv igen om 15 minutter" in page
    assert locked["Retry-After"] == "900"
    # Even the right password is refused now, from another address too.
    assert login(client, user.username, PASSWORD, address="198.51.100.9").status_code == 429
    assert "_auth_user_id" not in client.session


def test_one_address_guessing_many_user_names_is_locked_out(client, db):
    users = [make_user(f"bruger{i}", is_staff=True) for i in range(6)]
    for user in users[:5]:
        login(client, user.username, "forkert")
    assert login(client, users[5].username, PASSWORD).status_code == 429
    # Another address is not affected.
    assert login(client, users[5].username, PASSWORD, address="198.51.100.9").status_code == 302


def test_the_counters_are_rows_in_the_database(client, db):
    """Shared by every worker: the attempts are in the database, not in a process."""
    user = make_user("arrangoer", is_staff=True)
    login(client, user.username, "forkert")
    login(client, user.username, "forkert")
    assert AccessAttempt.objects.get(username="arrangoer").failures_since_start == 2


def test_a_good_login_clears_the_count(client, db):
    user = make_user("arrangoer", is_staff=True)
    for _ in range(4):
        login(client, user.username, "forkert")
    assert login(client, user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        login(client, user.username, "forkert")
    assert login(client, user.username, PASSWORD).status_code == 302
