"""A logging filter: the application's log lines carry no private token and no e-mail address.

Django logs the path of every 4xx/5xx answer ("Bad Request: /2026/tilmelding/<token>/…"), and
a traceback may quote a database error naming an address; the filter rewrites the message and
the formatted traceback before any handler writes them. Installed on the handlers in
`settings.LOGGING`.
"""

from __future__ import annotations

import logging

from forsamling.privacy.redact import redact


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
