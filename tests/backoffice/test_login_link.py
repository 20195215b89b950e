""" "Log ind med et engangslink": a second way in by e-mail, which works while the password is
locked out, once, for 15 minutes, and still asks for the code from the app."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from forsamling.accounts.models import LoginLink
from forsamling.outbox.models import SentMessage
from tests.backoffice.conftest import make_user
from tests.backoffice.test_lockout import ATTACKER, HOME, lock
from tests.backoffice.test_lockout import login as password_login
from tests.backoffice.test_otp import code

REQUEST = "/backoffice/konference/logins/engangslink/"


@pytest.fixture(autouse=True)
def require_otp(settings):
    settings.FORSAMLING_REQUIRE_OTP = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def organiser(db):
    return make_user("arrangoer", is_staff=True)


@pytest.fixture
def device(organiser):
    return TOTPDevice.objects.create(user=organiser, name="Telefon", confirmed=True)


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """Asks for a link as a visitor would; returns the answer and the link e-mailed, if any."""

    def ask(identifier, address=HOME):
        sent = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(REQUEST, {"identifier": identifier}, REMOTE_ADDR=address)
        new = mail.outbox[sent:]
        links = [re.search(r"http://\S+(/backoffice/\S+/)", m.body).group(1) for m in new]
        return response, links

    return ask


def wrong(device):
    return f"{(int(code(device)) + 500_000) % 1_000_000:06d}"


def test_the_request_page_asks_in_danish(client, db):
    page = client.get(REQUEST).content.decode()
    assert "Log ind med et engangslink" in page and "Brugernavn eller e-mailadresse" in page
    assert "Log ind med et engangslink" in client.get("/backoffice/login/").content.decode()


def test_the_answer_is_the_same_whoever_is_asked_for(ask, organiser):
    known, links = ask("arrangoer")
    by_mail, more = ask("ARRANGOER@kl.dk")
    unknown, none = ask("ingen-saadan")
    assert {known.status_code, by_mail.status_code, unknown.status_code} == {200}
    assert known.content == by_mail.content == unknown.content
    assert "Hvis brugernavnet eller e-mailadressen hører til" in known.content.decode()
    assert len(links) == len(more) == 1 and none == []
    assert [m.to for m in mail.outbox] == [["arrangoer@kl.dk"]] * 2
    assert SentMessage.objects.count() == 2  # through the outbox


def test_a_locked_out_organiser_logs_in_with_the_link_and_the_code(client, ask, device):
    lock(client, "arrangoer", HOME)
    assert password_login(client, "arrangoer", "correct horse battery", HOME).status_code == 429
    _answer, (link,) = ask("arrangoer", HOME)
    page = client.get(link, REMOTE_ADDR=HOME)
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.content.decode()
    response = client.post(link, {"otp_token": code(device)}, REMOTE_ADDR=HOME)
    assert response["Location"] == "/backoffice/konference/"
    assert client.get("/backoffice/konference/").status_code == 200
    assert client.get("/backoffice/").status_code == 200  # verified: the second factor was asked


def test_the_link_still_needs_the_code(client, ask, device):
    _answer, (link,) = ask("arrangoer")
    for token in ["", wrong(device)]:
        response = client.post(link, {"otp_token": token})
        assert response.status_code == 400
        assert "_auth_user_id" not in client.session
    assert "Koden passer ikke" in response.content.decode()
    # A third wrong code spoils the link: the code cannot be guessed through it.
    client.post(link, {"otp_token": wrong(device)})
    assert client.post(link, {"otp_token": code(device)}).status_code == 404
    assert "_auth_user_id" not in client.session


def test_the_link_works_once(client, ask, device):
    _answer, (link,) = ask("arrangoer")
    assert client.get(link).status_code == 200  # a mail scanner's visit uses nothing up
    assert client.get(link).status_code == 200
    assert client.post(link, {"otp_token": code(device)}).status_code == 302
    client.logout()
    again = client.post(link, {"otp_token": code(device)})
    assert again.status_code == 404 and "Linket virker ikke" in again.content.decode()


def test_the_link_expires_after_15_minutes(client, ask, device):
    _answer, (link,) = ask("arrangoer")
    stored = LoginLink.objects.get()
    lifetime = stored.expires_at - stored.created_at
    assert timedelta(minutes=15) - timedelta(seconds=1) < lifetime < timedelta(minutes=15)
    LoginLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.post(link, {"otp_token": code(device)}).status_code == 404


def test_only_the_links_hash_is_stored(ask, organiser):
    _answer, (link,) = ask("arrangoer")
    token = link.rstrip("/").rsplit("/", 1)[1]
    stored = LoginLink.objects.get()
    assert len(token) >= 40 and token not in stored.token_hash
    assert len(stored.token_hash) == 64


def test_a_user_without_a_second_factor_is_not_let_in_by_a_link(client, ask, organiser):
    _answer, (link,) = ask("arrangoer")
    response = client.post(link, {"otp_token": "123456"})
    assert response.status_code == 403
    assert "Du har ikke sat to-trins-login op endnu" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_requests_are_limited_per_address_without_locking_anyone_out(client, ask, device, settings):
    settings.FORSAMLING_RATE_LOGIN_LINKS_PER_ADDRESS = 2
    ask("ingen", ATTACKER)
    ask("ingen", ATTACKER)
    refused, links = ask("arrangoer", ATTACKER)
    assert refused.status_code == 429 and links == []
    assert "Vent 10 minutter" in refused.content.decode()
    # Another address is not limited, and the password login is not locked by it.
    answer, links = ask("arrangoer", HOME)
    assert answer.status_code == 200 and len(links) == 1
    response = client.post(
        "/backoffice/login/?next=/backoffice/",
        {"username": "arrangoer", "password": "correct horse battery", "otp_token": code(device)},
        REMOTE_ADDR=ATTACKER,
    )
    assert response["Location"] == "/backoffice/"


def test_a_stranger_cannot_fill_an_organisers_mailbox(ask, organiser):
    """Three unused links at a time: more requests send nothing, and say nothing either."""
    answers = [ask("arrangoer", f"192.0.2.{i}") for i in range(5)]
    assert len(mail.outbox) == 3
    assert len({a.content for a, _links in answers}) == 1


def test_control_characters_get_the_danish_message(ask, organiser):
    response, links = ask("arrangoer\x1b")
    assert response.status_code == 400 and links == []
    assert "usynligt styretegn" in response.content.decode()
