"""Extra databases in the PostgreSQL cluster of the suite's PG run (`scripts/with-postgres`
exports its DATABASE_URL): each deployment test gets empty databases of its own."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import psycopg
import pytest

CLUSTER_URL = os.environ.get("DATABASE_URL", "")

needs_postgresql = pytest.mark.skipif(
    not CLUSTER_URL
    or dj_database_url.parse(CLUSTER_URL)["ENGINE"] != "django.db.backends.postgresql",
    reason="runs once, in the PostgreSQL pass (scripts/with-postgres sets DATABASE_URL)",
)


def url_of(database: str) -> str:
    """The cluster's URL with another database name."""
    return urlunsplit(urlsplit(CLUSTER_URL)._replace(path=f"/{database}"))


@contextmanager
def empty_databases(*purposes: str) -> Iterator[dict[str, str]]:
    """Creates one empty database per purpose, yields their URLs, drops them afterwards."""
    names = {purpose: f"deploy_{purpose}_{uuid.uuid4().hex[:8]}" for purpose in purposes}
    with psycopg.connect(CLUSTER_URL, autocommit=True) as admin:
        for name in names.values():
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield {purpose: url_of(name) for purpose, name in names.items()}
        finally:
            for name in names.values():
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
