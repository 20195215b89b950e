"""The outbox's rows moved from registration to the outbox app without a copy."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from forsamling.outbox.models import SentMessage
from forsamling.registration.models import Category
from forsamling.registration.services import register_participant
from tests.programme import builders
from tests.registration.conftest import details

BEFORE = [
    ("outbox", None),  # and what depends on it: backoffice 0006, registration 0009
    ("registration", "0008_sent_message_registration_named"),
    ("contenttypes", "0002_remove_content_type_name"),
]
AFTER = [("registration", "0009_sent_message_moved_to_outbox")]


@pytest.mark.django_db(transaction=True)
def test_messages_written_before_the_move_are_the_outbox_s_afterwards():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE[1:]).apps
    edition = old.get_model("conferences", "Edition").objects.first()
    old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="registration", model="sentmessage"
    )
    old.get_model("contenttypes", "ContentType").objects.filter(
        app_label="outbox", model="sentmessage"
    ).delete()
    message = old.get_model("registration", "SentMessage").objects.create(
        edition=edition, to="a@aalborg.dk", subject="Før flytningen", body="b"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    moved = new.get_model("outbox", "SentMessage").objects.get(pk=message.pk)
    assert moved.subject == "Før flytningen"
    content_types = new.get_model("contenttypes", "ContentType").objects
    assert content_types.filter(app_label="outbox", model="sentmessage").exists()
    assert not content_types.filter(app_label="registration", model="sentmessage").exists()

    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_message_to_a_participant_without_an_edition_gets_its_registration_s():
    """outbox 0003: the back office scopes messages by their own edition. Only the outbox is
    taken back, so the other tables are as the models are now."""
    executor = MigrationExecutor(connection)
    executor.migrate([("outbox", "0002_send_message_task_path")])
    edition = builders.edition(slug="migration-0003")
    category = Category.objects.create(edition=edition, name="Deltager", price=0)
    registration = register_participant(
        edition=edition,
        idempotency_key="migration-0003",
        details=details("Aase"),
        category=category,
        sessions=[],
        outside_window=True,
    ).registration
    messages = SentMessage.objects
    named = messages.create(registration=registration, to="aase@aalborg.dk", subject="s", body="b")
    login = messages.create(to="kl@forsamling.dk", subject="Log ind", body="b")

    MigrationExecutor(connection).migrate([("outbox", "0004_edition_from_registration")])
    assert messages.get(pk=named.pk).edition_id == edition.pk
    assert messages.get(pk=login.pk).edition_id is None

    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
