"""Error reporting to Sentry (sentry-sdk), on only when SENTRY_DSN is set.

Nothing personal leaves the server: sentry-sdk 3 replaced `send_default_pii=False` by its
`data_collection` option, set here to collect no user, no cookies, no request bodies, no query
strings, no headers but a harmless few, no local variables and no SQL parameters; and
`before_send` removes what an integration may still have put in the event (a request's body,
cookies, query string, environment) and redacts e-mail addresses and private tokens from the
messages, exception texts, breadcrumbs and the URL (`forsamling.privacy.redact`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from forsamling.privacy.redact import redact, redact_value

if TYPE_CHECKING:
    from sentry_sdk._types import DataCollectionUserOptions

DATA_COLLECTION: DataCollectionUserOptions = {
    "user_info": False,
    "cookies": {"mode": "off"},
    "http_headers": {
        "request": {"mode": "allowlist", "terms": ["user-agent", "accept", "content-type"]}
    },
    "http_bodies": [],
    "url_query_params": {"mode": "off"},
    "database_query_data": False,
    "queues": False,
    "stack_frame_variables": False,
    "graphql": {"document": False, "variables": False},
    "gen_ai": {"inputs": False, "outputs": False},
    "mcp": {"inputs": False, "outputs": False},
}
REQUEST_KEPT = ("method", "url", "headers")
# Parts of an event that may quote what a visitor typed; ids and timings are left alone (a
# trace id looks like a token to the redaction).
TEXTS = ("message", "logentry", "exception", "breadcrumbs", "extra")


def before_send(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    request = event.get("request")
    if isinstance(request, dict):
        kept = {key: request[key] for key in REQUEST_KEPT if key in request}
        if isinstance(kept.get("url"), str):
            scheme, netloc, path, _, _ = urlsplit(kept["url"])
            kept["url"] = urlunsplit((scheme, netloc, redact(path), "", ""))
        event["request"] = kept
    event.pop("user", None)
    for key in TEXTS:
        if key in event:
            event[key] = _redacted(event[key])
    return event


def _redacted(value: Any) -> Any:
    """Strings redacted, except inside a stack trace's frames (file and function names)."""
    if isinstance(value, dict):
        return {
            key: item if key == "stacktrace" else _redacted(item) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_redacted(item) for item in value]
    return redact_value(value)


def init_sentry(*, dsn: str, release: str, environment: str, traces_sample_rate: float) -> None:
    sentry_sdk.init(
        dsn=dsn,
        release=release,
        environment=environment,
        integrations=[DjangoIntegration()],
        data_collection=DATA_COLLECTION,
        max_request_body_size="never",
        before_send=before_send,  # type: ignore[arg-type]
        traces_sample_rate=traces_sample_rate,
    )
