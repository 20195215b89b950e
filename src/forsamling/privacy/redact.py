"""Finding e-mail addresses and private tokens in text, to keep them out of logs and audits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# secrets.token_urlsafe(24) and longer (private links, group and exhibitor links, form keys).
TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
REMOVED = "[slettet]"


def _token(match: re.Match[str]) -> str:
    text = match.group(0)
    return text if UUID.fullmatch(text) else "[token]"


def redact(text: str, names: Iterable[str] = ()) -> str:
    """`text` without e-mail addresses, tokens and the given names."""
    text = TOKEN.sub(_token, EMAIL.sub("[e-mail]", text))
    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        text = text.replace(name, REMOVED)
    return text


def redact_value(value: Any, names: Iterable[str] = ()) -> Any:
    """A JSON value with every string redacted (an audit entry's details)."""
    names = tuple(names)
    if isinstance(value, str):
        return redact(value, names)
    if isinstance(value, list):
        return [redact_value(item, names) for item in value]
    if isinstance(value, dict):
        return {key: redact_value(item, names) for key, item in value.items()}
    return value


def without_private_links(text: str) -> str:
    """A stored e-mail as organisers may see it: every private token hidden."""
    return TOKEN.sub(lambda m: m.group(0) if UUID.fullmatch(m.group(0)) else "[skjult]", text)
