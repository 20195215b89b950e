"""Web Push, against a local push service of our own that speaks the protocol: it checks the
VAPID signature (RFC 8292) and decrypts the aes128gcm message (RFC 8291) with the keys of the
'browser' the test plays; no third party."""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from django.core.management import call_command
from django.utils import timezone

from forsamling.privacy.anonymise import anonymise_registrations
from forsamling.registration.management.commands.generate_vapid_keys import new_vapid_keys
from forsamling.registration.models import PushSubscription, Registration
from forsamling.registration.services import cancel_registration

from .my_programme_scene import build, move_the_theme_meeting
from .test_services import register

pytestmark = pytest.mark.django_db

SUBJECT = "mailto:forum@example.org"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class PushService:
    """The push service's endpoint: takes messages, answers `status` (201, or 410 'gone')."""

    url: str = ""
    status: int = 201
    received: list[Received] = field(default_factory=list)


@pytest.fixture
def push_service():
    service = PushService()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            service.received.append(
                Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            self.send_response(service.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield service
    server.shutdown()
    server.server_close()


@dataclass
class Browser:
    """A browser's subscription: its P-256 key pair and auth secret (RFC 8291)."""

    key: ec.EllipticCurvePrivateKey
    auth: bytes
    endpoint: str

    def subscription(self) -> dict:
        public = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"endpoint": self.endpoint, "keys": {"p256dh": b64(public), "auth": b64(self.auth)}}

    def read(self, message: Received) -> dict:
        assert message.headers["content-encoding"] == "aes128gcm"
        plain = http_ece.decrypt(
            message.body, private_key=self.key, auth_secret=self.auth, version="aes128gcm"
        )
        return json.loads(plain)


@pytest.fixture
def vapid(settings):
    public, private = new_vapid_keys()
    settings.FORSAMLING_VAPID_PUBLIC_KEY = public
    settings.FORSAMLING_VAPID_PRIVATE_KEY = private
    settings.FORSAMLING_VAPID_SUBJECT = SUBJECT
    settings.FORSAMLING_PUSH_ALLOW_HTTP = True
    return public


def browser(push_service, name="phone") -> Browser:
    return Browser(ec.generate_private_key(ec.SECP256R1()), os.urandom(16),
                   f"{push_service.url}/push/{name}")  # fmt: skip


def check_vapid(message: Received, public_key: str, audience: str) -> dict:
    """The Authorization header: `vapid t=<JWT>, k=<our public key>`, signed ES256 by our key."""
    scheme, _, params = message.headers["authorization"].partition(" ")
    assert scheme == "vapid"
    values = dict(part.strip().split("=", 1) for part in params.split(","))
    assert values["k"] == public_key
    header, claims, signature = values["t"].split(".")
    assert json.loads(unb64(header)) == {"typ": "JWT", "alg": "ES256"}
    raw = unb64(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(public_key))
    key.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    decoded = json.loads(unb64(claims))
    assert decoded["aud"] == audience
    assert decoded["sub"] == SUBJECT
    assert time.time() < decoded["exp"] <= time.time() + 24 * 3600
    return decoded


def subscribe(client, registration, phone: Browser):
    url = f"/{registration.edition.slug}/tilmelding/{registration.token}/mit-program/push/"
    return client.post(url, json.dumps(phone.subscription()), content_type="application/json")


@pytest.fixture
def scene(edition, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return build(edition)


def test_a_seat_from_the_waiting_list_is_pushed_signed_and_encrypted(
    client, edition, vapid, push_service, django_capture_on_commit_callbacks
):
    """The temamøde has two seats; the third in line gets one when a seat is given up, and
    their phone gets a message the local push service can verify and decrypt."""
    first = register(edition, sessions=[edition.small_theme], name="Anne Sø").registration
    register(edition, sessions=[edition.small_theme], name="Bo Ravn")
    third = register(edition, sessions=[edition.small_theme], name="Carl Dal").registration
    phone = browser(push_service)
    assert subscribe(client, third, phone).status_code == 201
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(registration=first)
    [message] = push_service.received
    assert message.path == "/push/phone"
    assert int(message.headers["ttl"]) > 0
    check_vapid(message, vapid, push_service.url)
    sent = phone.read(message)
    assert sent["title"] == "Du har fået plads"
    assert "Faste teams i ældreplejen" in sent["body"]
    assert sent["url"].endswith(f"/tilmelding/{third.token}/mit-program/")


def test_a_moved_session_is_pushed_on_publication(
    client, scene, vapid, push_service, django_capture_on_commit_callbacks
):
    phone = browser(push_service)
    subscribe(client, scene.lise, phone)
    other = browser(push_service, "ole")
    subscribe(client, scene.ole, other)  # Ole has no session: nothing moved for him
    with django_capture_on_commit_callbacks(execute=True):
        move_the_theme_meeting(scene)
    [message] = push_service.received
    assert message.path == "/push/phone"
    sent = phone.read(message)
    assert sent["title"] == "Ændringer i dit program"
    assert "15.30" in sent["body"]


def test_a_gone_subscription_is_deleted(
    client, edition, vapid, push_service, django_capture_on_commit_callbacks
):
    first = register(edition, sessions=[edition.small_theme], name="Anne Sø").registration
    register(edition, sessions=[edition.small_theme], name="Bo Ravn")
    third = register(edition, sessions=[edition.small_theme], name="Carl Dal").registration
    subscribe(client, third, browser(push_service))
    push_service.status = 410
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(registration=first)
    assert len(push_service.received) == 1
    assert not PushSubscription.objects.filter(registration=third).exists()


def test_push_is_off_without_vapid_keys(client, edition, settings, push_service):
    settings.FORSAMLING_VAPID_PUBLIC_KEY = ""
    registration = register(edition, name="Anne Sø").registration
    assert subscribe(client, registration, browser(push_service)).status_code == 409
    page = client.get(f"/{edition.slug}/tilmelding/{registration.token}/mit-program/")
    assert 'id="mp-push"' not in page.content.decode()
    assert not PushSubscription.objects.exists()


def test_a_subscription_that_is_not_one_is_refused(client, edition, vapid, settings):
    registration = register(edition, name="Anne Sø").registration
    url = f"/{edition.slug}/tilmelding/{registration.token}/mit-program/push/"
    for body in ("ikke json", "[]", json.dumps({"endpoint": "ftp://x", "keys": {}})):
        assert client.post(url, body, content_type="application/json").status_code == 400
    settings.FORSAMLING_PUSH_ALLOW_HTTP = False
    plain_http = {
        "endpoint": "http://push.example/1",
        "keys": {"p256dh": "A" * 87, "auth": "B" * 22},
    }
    assert (
        client.post(url, json.dumps(plain_http), content_type="application/json").status_code == 400
    )
    assert not PushSubscription.objects.exists()


def test_stopping_and_erasure_delete_the_subscription(client, edition, vapid, push_service):
    registration = register(edition, name="Anne Sø").registration
    phone = browser(push_service)
    subscribe(client, registration, phone)
    stop = f"/{edition.slug}/tilmelding/{registration.token}/mit-program/push/stop/"
    assert client.post(stop, json.dumps({"endpoint": phone.endpoint}),
                       content_type="application/json").status_code == 200  # fmt: skip
    assert not PushSubscription.objects.exists()
    subscribe(client, registration, phone)
    anonymise_registrations(Registration.objects.filter(pk=registration.pk), timezone.now())
    assert not PushSubscription.objects.exists()


def test_generate_vapid_keys_prints_a_pair_that_signs(capsys):
    call_command("generate_vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.splitlines())
    public = unb64(lines["FORSAMLING_VAPID_PUBLIC_KEY"])
    private = int.from_bytes(unb64(lines["FORSAMLING_VAPID_PRIVATE_KEY"]), "big")
    key = ec.derive_private_key(private, ec.SECP256R1())
    assert (
        key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        == public
    )
    signature = key.sign(b"x", ec.ECDSA(hashes.SHA256()))
    with pytest.raises(InvalidSignature):
        key.public_key().verify(signature, b"y", ec.ECDSA(hashes.SHA256()))
