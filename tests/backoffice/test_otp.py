"""Logging in to the back office with a password and a TOTP code from an authenticator app."""

import re

import pytest
from axes.models import AccessAttempt
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.backoffice.conftest import make_user

PASSWORD = "correct horse battery"
FAILED = "Brugernavnet, adgangskoden eller koden fra godkenderappen passer ikke. Prøv igen."


@pytest.fixture(autouse=True)
def require_otp(settings):
    settings.FORSAMLING_REQUIRE_OTP = True


def code(device, drift=0):
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{value:06d}"


def login(client, username, otp_token=""):
    return client.post(
        "/backoffice/login/?next=/backoffice/",
        {"username": username, "password": PASSWORD, "otp_token": otp_token},
    )


@pytest.fixture
def organiser(conference, users):
    return users.organiser


@pytest.fixture
def device(organiser):
    return TOTPDevice.objects.create(user=organiser, name="Telefon", confirmed=True)


def test_first_login_without_a_device_is_refused_like_a_wrong_password(client, organiser):
    """The password alone neither lets a new user in nor lets them enrol a device; the
    answer does not tell that the password was right, and the page points to the link."""
    response = login(client, organiser.username)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert FAILED in page
    assert "Første gang logger du ind med linket i den e-mail, du har fået" in page
    assert client.get("/backoffice/").status_code == 302


def test_a_password_alone_cannot_enrol_a_device(client, organiser):
    """Whoever guesses a new user's password cannot set up their own authenticator app."""
    client.force_login(organiser)
    response = client.get("/backoffice/konference/totp/")
    assert response["Location"].startswith("/backoffice/login/")
    assert "_auth_user_id" not in client.session
    assert not TOTPDevice.objects.filter(user=organiser).exists()


def test_login_with_password_and_current_code(client, organiser, device):
    response = login(client, organiser.username, code(device))
    assert response["Location"] == "/backoffice/"
    assert client.get("/backoffice/").status_code == 200
    assert client.get("/backoffice/konference/2026/overblik/").status_code == 200


def test_login_without_the_code_is_refused_when_there_is_a_device(client, organiser, device):
    response = login(client, organiser.username)
    assert response.status_code == 200
    assert FAILED in response.content.decode()


def test_login_with_a_wrong_code_is_refused(client, organiser, device):
    wrong = f"{(int(code(device)) + 500_000) % 1_000_000:06d}"
    assert login(client, organiser.username, wrong).status_code == 200
    assert client.get("/backoffice/").status_code == 302


def errors_of(response):
    """The page's error messages: what a guesser could tell apart."""
    return re.findall(r'<p class="errornote">(.*?)</p>', response.content.decode(), re.S)


def test_one_answer_for_every_failure(client, organiser, device):
    """A right password without its code is answered like a wrong password: no oracle."""
    wrong_code = f"{(int(code(device)) + 500_000) % 1_000_000:06d}"
    answers = [
        client.post(
            "/backoffice/login/?next=/backoffice/",
            {"username": organiser.username, "password": password, "otp_token": token},
        )
        for password, token in [("forkert", ""), (PASSWORD, ""), (PASSWORD, wrong_code),
                                ("forkert", code(device))]
    ]  # fmt: skip
    assert {r.status_code for r in answers} == {200}
    assert [errors_of(r) for r in answers] == [[FAILED]] * 4


def test_a_missing_or_wrong_code_counts_as_a_failed_login(client, organiser, device, settings):
    settings.AXES_FAILURE_LIMIT = 5
    wrong_code = f"{(int(code(device)) + 500_000) % 1_000_000:06d}"
    for token in ["", wrong_code, "", wrong_code]:
        assert login(client, organiser.username, token).status_code == 200
    assert AccessAttempt.objects.get(username=organiser.username).failures_since_start == 4
    assert login(client, organiser.username).status_code == 429
    # Locked now, even with the right code.
    assert login(client, organiser.username, code(device)).status_code == 429


def test_a_user_with_a_device_cannot_add_another_with_the_password_alone(client, organiser, device):
    client.force_login(organiser)
    response = client.get("/backoffice/konference/totp/")
    assert response["Location"].startswith("/backoffice/login/")
    assert TOTPDevice.objects.filter(user=organiser).count() == 1


def test_an_old_session_without_the_code_is_asked_to_log_in_again(client, organiser, device):
    client.force_login(organiser)
    response = client.get("/backoffice/login/")
    assert response.status_code == 200 and 'name="otp_token"' in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert login(client, organiser.username, code(device))["Location"] == "/backoffice/"


def test_force_logged_in_superuser_is_not_in_without_the_second_factor(client, users):
    client.force_login(users.superuser)
    assert client.get("/backoffice/").status_code == 302


def test_without_the_requirement_the_password_is_enough(client, organiser, settings):
    settings.FORSAMLING_REQUIRE_OTP = False
    assert login(client, organiser.username)["Location"] == "/backoffice/"
    assert client.get("/backoffice/").status_code == 200


def test_the_login_page_asks_for_the_code(client, db):
    html = client.get("/backoffice/login/").content.decode()
    assert 'name="otp_token"' in html and 'autocomplete="one-time-code"' in html


def test_a_non_staff_user_cannot_log_in_at_all(client, db):
    make_user("borger")
    response = login(client, "borger")
    assert response.status_code == 200
    assert client.get("/backoffice/").status_code == 302


def _setting_under(env):
    import os
    import subprocess
    import sys
    from pathlib import Path

    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    environment.update(SECRET_KEY="a-long-random-production-secret-key-0123456789", **env)
    environment.pop("FORSAMLING_REQUIRE_OTP", None)
    code = "from forsamling import settings; print(settings.FORSAMLING_REQUIRE_OTP)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env={**environment, "PYTHONPATH": "src"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def test_production_settings_require_the_second_factor():
    assert _setting_under({}) == "True"


def test_development_settings_do_not():
    assert _setting_under({"DEBUG": "1"}) == "False"
