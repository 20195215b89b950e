"""The one helper of the transaction rule (README, "Layers"): entry points open
`transaction.atomic(durable=True)`; a step split off one (`…_in_transaction`) runs inside the
caller's transaction and checks that there is one, so called alone it raises instead of
committing its statements one by one."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import connection, transaction
from django.db.transaction import TransactionManagementError

P = ParamSpec("P")
R = TypeVar("R")


def require_callers_transaction() -> None:
    """Raises unless a transaction is open (no query: the connection knows)."""
    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError(
            "This step runs inside the caller's transaction; call its durable entry point."
        )


def durable(step: Callable[P, R]) -> Callable[P, R]:
    """The entry point of a step split off for callers with a transaction of their own: the
    same call, in its own durable transaction (`save_scores = durable(save_scores_in_transaction)`).
    """

    def entry_point(*args: P.args, **kwargs: P.kwargs) -> R:
        with transaction.atomic(durable=True):
            return step(*args, **kwargs)

    return entry_point


def lock_names(*names: str) -> None:
    """Holds a lock on each name until the transaction ends, for a rule that spans rows no
    single row lock covers (e.g. "at most 2 stands per company" across its bookings): on
    PostgreSQL transaction-level advisory locks, taken in sorted order so two callers cannot
    deadlock; SQLite's writers are serialised already (IMMEDIATE transactions)."""
    require_callers_transaction()
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in sorted(set(names)):
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [name])
