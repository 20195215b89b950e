"""A real SMTP server in the test process (aiosmtpd), and Django's SMTP backend pointed at it.

The server can be down (nothing listens on its port: the connection is refused), answer a
temporary 4xx or a permanent 5xx, and records every message it accepted.
"""

from __future__ import annotations

import socket
from collections import deque
from email import message_from_bytes, policy
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class Recorder:
    """aiosmtpd's handler: answers as told, keeps what it accepted."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.refuse: dict[str, str] = {}  # address → a permanent answer to RCPT
        self.temporary: deque[str] = deque()  # the next answers to DATA, before accepting

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.temporary:
            return self.temporary.popleft()
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        return [message["To"] for message in self.messages]


class MailServer:
    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.handler = Recorder()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def mail_server(settings: Any) -> Any:
    """Down until the test calls `start()`; Django sends through it over SMTP."""
    server = MailServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield server
    server.stop()
