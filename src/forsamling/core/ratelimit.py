"""Rate limits with counters in the database, so every worker and server shares them.

A hit is one statement: an INSERT ... ON CONFLICT DO UPDATE SET count = count + 1 ... RETURNING
(PostgreSQL and SQLite ≥ 3.35 alike), for any number of keys at once. The windows are fixed
(e.g. 10.00.00–10.09.59), so a burst across a window's edge may see up to twice the limit;
that is the price of one row per key and window instead of one per hit.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from django.db import connection

from forsamling.core.models import RateCounter


def window_of(seconds: int, now: float | None = None) -> int:
    return int((time.time() if now is None else now) // seconds)


def hit(keys: Sequence[str], *, seconds: int, now: float | None = None) -> dict[str, int]:
    """Counts one hit for each key in the current window; returns the counts after it."""
    if not keys:
        return {}
    window = window_of(seconds, now)
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    rows = ", ".join(["(%s, %s, 1)"] * len(keys))
    params: list[str | int] = []
    for key in keys:
        params += [key[:200], window]
    # "window" is a reserved word in PostgreSQL: the columns are quoted.
    sql = (
        f'INSERT INTO {table} ("key", "window", "count") VALUES {rows} '  # noqa: S608
        f'ON CONFLICT ("key", "window") DO UPDATE SET "count" = {table}."count" + 1 '
        'RETURNING "key", "count"'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counts = {key: count for key, count in cursor.fetchall()}
    if any(count == 1 for count in counts.values()):
        # A key's first hit in a new window: its older windows are done with.
        RateCounter.objects.filter(key__in=list(counts), window__lt=window - 1).delete()
    return counts
