"""Log lines that say which request or task they belong to, as JSON in production.

A request's id (`middleware.RequestMiddleware`) and a worker's current task id live in context
variables; `RequestContext`, a filter on every handler, copies them onto each record, so every
line written while a request or a task runs carries them, whichever logger wrote it. The
formatters below are what `settings.LOGGING` uses: JSON (python-json-logger) one object per
line, or plain text in development. Personal data stays out as before: the privacy app's
filter redacts the message and the traceback (`forsamling.privacy.logfilter`), and the JSON
formatter redacts a traceback it formats itself.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

from forsamling.privacy.redact import redact, redact_value

NONE = "-"
request_id: ContextVar[str] = ContextVar("request_id", default=NONE)
task_id: ContextVar[str] = ContextVar("task_id", default=NONE)

JSON_FIELDS = "%(levelname)s %(name)s %(message)s %(request_id)s %(task_id)s"
# Ours, never personal (a UUID, or the proxy's id of the request): not redacted, although a
# 32-character id looks like a token.
IDS = frozenset({"request_id", "task_id"})
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(task_id)s] %(message)s"


class RequestContext(logging.Filter):
    """Puts the current request's and task's ids on the record (`-` outside them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        record.task_id = task_id.get()
        return True


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per line: time (ISO 8601, UTC), level, logger, message, request_id,
    task_id and any `extra` fields; a traceback under `exc_info`.

    The privacy filter redacts the message and the traceback; the `extra` fields are this
    formatter's own, and redacted here: Django passes the request itself with a 4xx or 5xx
    ("Not Found: …"), whose text holds the path and its private token.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("rename_fields", {"levelname": "level"})
        kwargs.setdefault("timestamp", "time")
        super().__init__(JSON_FIELDS, *args, **kwargs)

    def formatException(self, ei: Any) -> str:
        return redact(str(super().formatException(ei)))

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        for key, value in log_data.items():
            if key in IDS or value is None or isinstance(value, bool | int | float | datetime):
                continue
            if isinstance(value, str | list | dict):
                log_data[key] = redact_value(value)
            else:
                log_data[key] = redact(str(value))
        return log_data


def formatter(log_format: str) -> dict[str, Any]:
    """The `formatters` entry of `settings.LOGGING` for LOG_FORMAT ("json" or "text")."""
    if log_format == "json":
        return {"()": "forsamling.ops.logs.JsonFormatter"}
    return {"format": TEXT_FORMAT}


def _task_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    task_id.set(str(task_result.id))


def _task_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    # After django-tasks' own "Task id=… state=…" line, which is connected first and so
    # still carries the id.
    if task_id.get() == str(task_result.id):
        task_id.set(NONE)


def _request_finished(sender: Any, **kwargs: Any) -> None:
    request_id.set(NONE)


def follow_requests_and_tasks() -> None:
    """A request's id is dropped when its answer has been sent (the middleware sets it); the
    worker's lines carry the id of the task it runs (django-tasks' signals)."""
    # Imported here, once the apps are loaded: this module is imported by the settings.
    from django.core.signals import request_finished
    from django_tasks.signals import log_task_started, task_finished, task_started

    request_finished.connect(_request_finished, dispatch_uid="forsamling.ops.request_finished")
    task_started.connect(_task_started, dispatch_uid="forsamling.ops.task_started")
    # django-tasks' "Task id=… state=RUNNING" line is written by a receiver connected before
    # ours; connected again, it runs after ours and its line carries the id too.
    if task_started.disconnect(log_task_started):
        task_started.connect(log_task_started)
    task_finished.connect(_task_finished, dispatch_uid="forsamling.ops.task_finished")
