"""Two organisers publishing at the same moment get consecutive version numbers (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from forsamling.programme.models import ProgrammeVersion
from forsamling.programme.services import publish_programme
from tests.programme import builders

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_simultaneous_publishing_gives_consecutive_numbers():
    edition = builders.edition()
    builders.long_programme(edition, days=1, items_per_day=3)
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def publish(n: int) -> None:
        try:
            start.wait()
            publish_programme(edition=edition, comment=f"Samtidig {n}")
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(
        ProgrammeVersion.objects.filter(edition=edition).values_list("number", flat=True)
    )
    assert numbers == [1, 2, 3, 4]
