"""The client's address: X-Forwarded-For is believed only from the proxies in TRUSTED_PROXIES,
walked from the right; ports and brackets are stripped, garbage ignored, and django-axes gets
the same address or none (never something its inet column refuses)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from forsamling.core.abuse import axes_client_ip, client_address, client_network, parse_address
from tests.backoffice.conftest import make_user


def request(peer: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1/32", "10.0.0.0/8", "::1/128"]
    return settings


def test_a_client_reaching_gunicorn_directly_cannot_choose_its_address(settings):
    """The issue's finding: the right-most hop was believed from anyone."""
    settings.TRUSTED_PROXIES = []
    assert client_address(request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_a_forged_header_through_an_untrusted_peer_is_ignored(behind_proxy):
    assert client_address(request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"


def test_through_a_trusted_proxy_the_hop_it_appended_is_the_client(behind_proxy):
    assert client_address(request("127.0.0.1", "198.51.100.1")) == "198.51.100.1"
    # The client's own header is left of what the proxy appended: not believed.
    assert client_address(request("127.0.0.1", "6.6.6.6, 198.51.100.1")) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_skipped_from_the_right(behind_proxy):
    chain = "6.6.6.6, 198.51.100.1, 10.1.2.3, 10.9.9.9"
    assert client_address(request("127.0.0.1", chain)) == "198.51.100.1"


def test_ports_and_brackets_are_stripped(behind_proxy):
    assert client_address(request("127.0.0.1", "198.51.100.1:5678")) == "198.51.100.1"
    assert client_address(request("127.0.0.1", "[2001:db8::1]:443")) == "2001:db8::1"
    assert client_address(request("127.0.0.1", "[2001:db8::1]")) == "2001:db8::1"
    assert client_address(request("127.0.0.1", "2001:db8::1")) == "2001:db8::1"
    assert parse_address("::ffff:198.51.100.1") == parse_address("198.51.100.1")


def test_garbage_is_ignored(behind_proxy):
    """A hop that is no address: nothing left of it is believed; the proxy's peer stands."""
    assert client_address(request("127.0.0.1", "unknown")) == "127.0.0.1"
    assert client_address(request("127.0.0.1", "198.51.100.1, <script>")) == "127.0.0.1"
    assert client_address(request("127.0.0.1", "<script>, 198.51.100.1")) == "198.51.100.1"
    assert client_address(request("127.0.0.1", "")) == "127.0.0.1"
    assert client_address(request("not-an-address", "198.51.100.1")) == "unknown"
    assert axes_client_ip(request("not-an-address")) is None


def test_the_network_is_the_ipv6_64_or_the_ipv4_address(settings):
    settings.TRUSTED_PROXIES = []
    assert client_network(request("2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::/64"
    assert client_network(request("2001:db8:1:2:bbbb::7")) == "2001:db8:1:2::/64"
    assert client_network(request("203.0.113.5")) == "203.0.113.5/32"


@pytest.mark.parametrize(
    ("forwarded", "stored"),
    [
        ("198.51.100.1:5678", "198.51.100.1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("rubbish", "127.0.0.1"),
    ],
)
def test_a_login_through_a_proxy_that_appends_a_port_is_counted_not_a_500(
    client, db, behind_proxy, forwarded, stored
):
    """The issue's finding: `ip:port` reached django-axes' inet column and every login was a
    500 on PostgreSQL; the attempt is now stored with the bare address."""
    user = make_user("gaester")
    response = client.post(
        "/backoffice/login/?next=/backoffice/",
        {"username": user.username, "password": "forkert"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    assert response.status_code == 200
    assert AccessAttempt.objects.get().ip_address == stored


def test_a_wrong_trusted_proxies_entry_stops_the_start_up():
    src = str(Path(__file__).resolve().parents[2] / "src")
    result = subprocess.run(
        [sys.executable, "-c", "import forsamling.settings"],
        env={"TRUSTED_PROXIES": "10.0.0.0/8,proxy.example", "SECRET_KEY": "x", "PYTHONPATH": src},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "proxy.example" in result.stderr
