"""An e-mail backend whose server refuses every message, as an SMTP error would."""

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def open(self):
        raise ConnectionRefusedError("refused by the mail server")

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("refused by the mail server")
