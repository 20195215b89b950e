"""Rate limits with counters in the database, so every worker and server shares them.

A hit is one statement: an INSERT ... ON CONFLICT DO UPDATE SET count = count + 1 ... RETURNING
(PostgreSQL and SQLite ≥ 3.35 alike), for any number of keys at once. The windows are fixed
(e.g. 10.00.00–10.09.59), so a burst across a window's edge may see up to twice the limit;
that is the price of one row per key and window instead of one per hit.

The counters are written in their own short transaction (`counting()`), before the
registration's. On PostgreSQL that transaction commits without waiting for its WAL to reach the
disk (`SET LOCAL synchronous_commit = off`): a count is not worth a disk flush, and every
client behind one address or e-mail domain increments the same row, whose lock would otherwise
be held through the flush. What a crash can lose is the last fraction of a second's counts.
Anything committed after them with a flush (a registration) flushes them too, as the log is
written in order.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import connection, transaction

from forsamling.core.models import RateCounter


@contextmanager
def counting() -> Iterator[None]:
    """One transaction for counters whose last moments may be lost in a crash (see above).
    Inside a caller's transaction it is a savepoint, and the caller's durability is left as
    it is."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
        yield


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
