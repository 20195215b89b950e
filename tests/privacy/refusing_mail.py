"""An e-mail backend whose server refuses the recipient, naming the address as SMTP does."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, email_messages):
        to = email_messages[0].to[0]
        raise smtplib.SMTPRecipientsRefused({to: (550, f"<{to}>: mailbox unavailable".encode())})
