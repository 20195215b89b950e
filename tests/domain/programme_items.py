"""Programme items for the domain's programme tests (no database): `item("b2", "breakout",
"15:10", "16:10", sessions=...)` in one line instead of seven keyword arguments."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from forsamling.domain.programme import Item

THURSDAY = date(2023, 5, 11)


def item(uid: str, kind: str, start: str, end: str | None = None, **fields: Any) -> Item:
    return Item(
        uid=uid,
        kind=kind,
        title=fields.pop("title", f"Oplæg {uid}"),
        day=fields.pop("day", THURSDAY),
        start=time.fromisoformat(start),
        end=time.fromisoformat(end) if end else None,
        **fields,
    )


def talk(uid: str, start: str, end: str | None = None, **fields: Any) -> Item:
    return item(uid, "talk", start, end, **fields)
