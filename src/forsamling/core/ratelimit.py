"""Counters in the database, so every worker and server shares them.

A hit is one statement: an INSERT ... ON CONFLICT DO UPDATE SET count = count + 1 ... RETURNING
(PostgreSQL and SQLite ≥ 3.35 alike), for any number of keys at once, in the current fixed
window (e.g. 10.00.00–10.09.59). What is read back (`recent`) is a sliding window: the current
window's count plus the previous window's, weighted by how much of it still lies within the
last `seconds` (the sliding-window counter of Cloudflare's and nginx's rate limiters). A burst
across a window's edge is seen whole, at the price of two rows per key.

Keys are stored as they are up to 200 characters, and as a hash beyond (`stored_key`): every
reader and writer goes through it, so a long e-mail domain or address never misses its row.

The counters are written in their own short transaction (`counting()`). On PostgreSQL that
transaction commits without waiting for its WAL to reach the disk
(`SET LOCAL synchronous_commit = off`): a count is not worth a disk flush, and every client
behind one address or e-mail domain increments the same row, whose lock would otherwise be held
through the flush. What a crash can lose is the last fraction of a second's counts. Anything
committed after them with a flush (a registration) flushes them too, as the log is written in
order.
"""

from __future__ import annotations

import hashlib
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


KEY_LENGTH = 200


def stored_key(key: str) -> str:
    """The key as its row holds it: itself, or beyond KEY_LENGTH its start and a hash of it
    (two long keys with the same start stay apart)."""
    if len(key) <= KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{key[: KEY_LENGTH - 65]}#{digest}"


def hit(keys: Sequence[str], *, seconds: int, now: float | None = None) -> dict[str, int]:
    """Counts one hit for each key in the current window; returns the counts after it (of
    this window alone)."""
    if not keys:
        return {}
    window = window_of(seconds, now)
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    rows = ", ".join(["(%s, %s, 1)"] * len(keys))
    params: list[str | int] = []
    for key in keys:
        params += [stored_key(key), window]
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
        # A key's first hit in a new window: the ones before the previous are done with.
        RateCounter.objects.filter(key__in=list(counts), window__lt=window - 1).delete()
    return {key: counts[stored_key(key)] for key in keys}


def first_hit(key: str, *, seconds: int, now: float | None = None) -> bool:
    """True for at most one call per `seconds` and key ("at most one e-mail per five minutes"),
    also across a window's edge: a hit at 10.04.59 and one at 10.05.00 fall in two windows, and
    the second is refused. A window's row exists only if a call in it was granted: while the
    previous window holds one, a call is refused without being counted, so calls that keep
    coming never push the next grant further off (the next is granted at most two windows after
    the last). Concurrent calls are ordered by the upsert, so exactly one of them is granted."""
    window = window_of(seconds, now)
    if RateCounter.objects.filter(key=stored_key(key), window=window - 1).exists():
        return False
    return hit([key], seconds=seconds, now=now)[key] == 1


def recent(keys: Sequence[str], *, seconds: int, now: float | None = None) -> dict[str, int]:
    """How many hits each key had in the last `seconds` (sliding: this window's count and the
    part of the previous one's still inside), in one SELECT."""
    if not keys:
        return {}
    moment = time.time() if now is None else now
    window = window_of(seconds, moment)
    inside = 1 - (moment / seconds - window)  # the share of the previous window still inside
    stored = {stored_key(key): key for key in keys}
    totals = dict.fromkeys(keys, 0.0)
    rows = RateCounter.objects.filter(key__in=list(stored), window__in=[window - 1, window])
    for key, row_window, count in rows.values_list("key", "window", "count"):
        totals[stored[key]] += count if row_window == window else count * inside
    return {key: int(total) for key, total in totals.items()}
