"""When to try an e-mail again, and when to give up: plain rules over what the mail server said.

A message counts as sent only when the SMTP server accepted it. A temporary failure (the
server refused the connection, did not answer in time, or answered 4xx) is tried again after
growing pauses, from a minute to twelve hours, about 28 hours in all; then it is given up. A
permanent answer for that address or message (5xx to RCPT or DATA) is recorded at once: trying
again cannot help. A 5xx to the greeting, the sender or the login is the server's or our
configuration's problem, not the participant's, so it is retried like a temporary one.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import timedelta

# The pause after the n-th failed attempt; after the last one the message is given up.
RETRY_PAUSES = tuple(
    timedelta(minutes=minutes) for minutes in (1, 5, 15, 30, 60, 120, 240, 480, 720)
)


@dataclass(frozen=True)
class Outcome:
    permanent: bool
    reason: str


def retry_pause(
    failed_attempts: int, pauses: tuple[timedelta, ...] = RETRY_PAUSES
) -> timedelta | None:
    """The pause before the next attempt after `failed_attempts` failures; None: give up."""
    if failed_attempts < 1:
        raise ValueError("at least one attempt has failed")
    if failed_attempts > len(pauses):
        return None
    return pauses[failed_attempts - 1]


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def classify(error: BaseException) -> Outcome:
    """Whether the failure is permanent for this message, and why, in the server's words."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = list(error.recipients.values())
        permanent = bool(answers) and all(code >= 500 for code, _message in answers)
        reason = "; ".join(f"{code} {_text(message)}" for code, message in answers)
        return Outcome(permanent, reason or "recipient refused")
    if isinstance(error, smtplib.SMTPDataError):
        reason = f"{error.smtp_code} {_text(error.smtp_error)}"
        return Outcome(error.smtp_code >= 500, reason)
    if isinstance(error, smtplib.SMTPResponseException):
        return Outcome(False, f"{error.smtp_code} {_text(error.smtp_error)}")
    if isinstance(error, TimeoutError):
        return Outcome(False, "timeout")
    return Outcome(False, f"{type(error).__name__}: {error}".strip().rstrip(":"))
