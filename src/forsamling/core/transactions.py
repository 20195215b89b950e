"""The one helper of the transaction rule (README, "Layers"): entry points open
`transaction.atomic(durable=True)`; a step split off one (`…_in_transaction`) runs inside the
caller's transaction and checks that there is one, so called alone it raises instead of
committing its statements one by one."""

from __future__ import annotations

from django.db import transaction
from django.db.transaction import TransactionManagementError


def require_callers_transaction() -> None:
    """Raises unless a transaction is open (no query: the connection knows)."""
    if not transaction.get_connection().in_atomic_block:
        raise TransactionManagementError(
            "This step runs inside the caller's transaction; call its durable entry point."
        )
