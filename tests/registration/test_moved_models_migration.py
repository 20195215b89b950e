"""The invitation codes, privacy notices and consent records moved to registration without a
copy (issue 22): rows written before the move are registration's afterwards."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("registration", "0015_dinner_tables"),  # and what depends on it
    ("invitations", "0001_initial"),
    ("privacy", "0005_access_link"),
    ("contenttypes", "0002_remove_content_type_name"),
]
AFTER = [("invitations", "0002_invitation_code_moved_to_registration")]
AFTER += [("privacy", "0006_consents_moved_to_registration")]
MOVED = {"invitationcode": "invitations", "consentrecord": "privacy", "privacynotice": "privacy"}


@pytest.mark.django_db(transaction=True)
def test_codes_and_consents_written_before_the_move_are_registration_s_afterwards():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    content_types = old.get_model("contenttypes", "ContentType").objects
    for model, app in MOVED.items():
        content_types.get_or_create(app_label=app, model=model)
        content_types.filter(app_label="registration", model=model).delete()
    edition = old.get_model("conferences", "Edition").objects.create(
        slug="flyt", year=2031, title="Før flytningen", start_date=date(2031, 5, 6),
        end_date=date(2031, 5, 7),
    )  # fmt: skip
    category = old.get_model("registration", "Category").objects.create(
        edition=edition, key="oplaeg", name="Oplægsholder"
    )
    code = old.get_model("invitations", "InvitationCode").objects.create(
        edition=edition, category=category, code="ABCDEFGH23", uses=1
    )
    notice = old.get_model("privacy", "PrivacyNotice").objects.create(
        edition=edition, version=1, text="# Før", list_consent_text="L", photo_consent_text="F"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    moved = new.get_model("registration", "InvitationCode").objects.get(pk=code.pk)
    assert (moved.code, moved.uses, moved.category_id) == ("ABCDEFGH23", 1, category.pk)
    assert new.get_model("registration", "PrivacyNotice").objects.get(pk=notice.pk).text == "# Før"
    content_types = new.get_model("contenttypes", "ContentType").objects
    for model, app in MOVED.items():
        assert content_types.filter(app_label="registration", model=model).exists()
        assert not content_types.filter(app_label=app, model=model).exists()

    MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
