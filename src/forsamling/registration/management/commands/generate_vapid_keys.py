"""Prints a new VAPID key pair for Web Push, as the environment lines the settings read."""

from __future__ import annotations

import base64
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management.base import BaseCommand


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def new_vapid_keys() -> tuple[str, str]:
    """(public, private): the public key as the browser's `applicationServerKey` (the
    uncompressed P-256 point), the private key as its raw 32 bytes; both base64url."""
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    private = key.private_numbers().private_value.to_bytes(32, "big")
    return _b64(public), _b64(private)


class Command(BaseCommand):
    help = (
        "Makes a VAPID key pair for push messages to participants and prints the lines to put "
        "in the environment (keep the private key secret; a new pair stops every subscription)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        public, private = new_vapid_keys()
        self.stdout.write(f"FORSAMLING_VAPID_PUBLIC_KEY={public}\n")
        self.stdout.write(f"FORSAMLING_VAPID_PRIVATE_KEY={private}\n")
        self.stdout.write("FORSAMLING_VAPID_SUBJECT=mailto:<the organisers' address>\n")
