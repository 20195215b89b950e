"""The outbox's rows moved from registration to the outbox app without a copy."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

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
