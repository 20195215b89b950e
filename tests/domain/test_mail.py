"""When an e-mail is tried again, and when a failure is final."""

from __future__ import annotations

import smtplib
from datetime import timedelta

import pytest

from forsamling.domain import mail


def test_the_pauses_grow_from_a_minute_and_end_after_about_a_day():
    pauses = [mail.retry_pause(n) for n in range(1, len(mail.RETRY_PAUSES) + 1)]
    assert pauses[0] == timedelta(minutes=1)
    assert pauses == sorted(pauses) and len(set(pauses)) == len(pauses)
    assert timedelta(hours=20) < sum(pauses, timedelta()) < timedelta(hours=30)
    assert mail.retry_pause(len(mail.RETRY_PAUSES) + 1) is None


def test_a_pause_needs_a_failed_attempt():
    with pytest.raises(ValueError):
        mail.retry_pause(0)


def test_a_5xx_for_the_address_is_permanent_and_a_4xx_is_not():
    refused = smtplib.SMTPRecipientsRefused({"a@b.dk": (550, b"5.1.1 No such user")})
    assert mail.classify(refused) == mail.Outcome(True, "550 5.1.1 No such user")
    busy = smtplib.SMTPRecipientsRefused({"a@b.dk": (452, b"4.2.2 Mailbox full")})
    assert not mail.classify(busy).permanent


def test_a_5xx_to_the_message_is_permanent():
    assert mail.classify(smtplib.SMTPDataError(552, b"Message too big")).permanent
    assert not mail.classify(smtplib.SMTPDataError(451, b"Try later")).permanent


def test_the_servers_own_problems_are_temporary():
    """A refused sender or login is our configuration, not the participant's address."""
    assert not mail.classify(smtplib.SMTPSenderRefused(553, b"bad sender", "f@x.dk")).permanent
    assert not mail.classify(smtplib.SMTPAuthenticationError(535, b"no")).permanent
    assert not mail.classify(ConnectionRefusedError(111, "Connection refused")).permanent
    assert mail.classify(TimeoutError()).reason == "timeout"
    assert not mail.classify(smtplib.SMTPServerDisconnected("gone")).permanent
