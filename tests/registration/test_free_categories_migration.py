"""The data migration of issue 28: the free categories that exist become invitation-only,
the paid ones are left as the organisers set them."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("registration", "0018_exhibitor_leads_consent")]
AFTER = [("registration", "0019_free_categories_need_invitation")]


@pytest.mark.django_db(transaction=True)
def test_existing_free_categories_become_invitation_only():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    edition = old.get_model("conferences", "Edition").objects.create(
        slug="gratis", year=2032, title="Før reglen", start_date=date(2032, 5, 6),
        end_date=date(2032, 5, 7),
    )  # fmt: skip
    categories = old.get_model("registration", "Category").objects
    free = categories.create(edition=edition, key="presse", name="Presse", price=0)
    paid = categories.create(edition=edition, key="fuld", name="Fuld pris", price=3995)
    paid_marked = categories.create(
        edition=edition, key="stand", name="Stand", price=1900, invitation_only=True
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("registration", "Category")
    marked = dict(new.objects.filter(edition_id=edition.pk).values_list("pk", "invitation_only"))
    assert marked == {free.pk: True, paid.pk: False, paid_marked.pk: True}

    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
