"""Two organisers publishing at the same moment get consecutive version numbers (PostgreSQL)."""

from __future__ import annotations

from functools import partial

import pytest
from django.db import connection

from forsamling.programme.models import ProgrammeVersion
from forsamling.programme.services import publish_programme
from tests.programme import builders
from tests.racing import race

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_simultaneous_publishing_gives_consecutive_numbers():
    edition = builders.edition()
    builders.long_programme(edition, days=1, items_per_day=3)
    results = race(
        [partial(publish_programme, edition=edition, comment=f"Samtidig {n}") for n in range(4)]
    )
    assert [r for r in results if isinstance(r, BaseException)] == []
    numbers = sorted(
        ProgrammeVersion.objects.filter(edition=edition).values_list("number", flat=True)
    )
    assert numbers == [1, 2, 3, 4]
