"""Every message that names a registration names its edition too: the back office scopes the
outbox by the message's edition (e-mails to exhibitors and nominators name no registration).
Rows have been written with their edition since the outbox was made (registration 0004 filled
the older ones); this fills any still without one, from its registration. Historical models
only; nothing to undo."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def edition_from_registration(apps, schema_editor):
    SentMessage = apps.get_model("outbox", "SentMessage")
    Registration = apps.get_model("registration", "Registration")
    SentMessage.objects.filter(edition__isnull=True, registration__isnull=False).update(
        edition_id=Subquery(
            Registration.objects.filter(pk=OuterRef("registration_id")).values("edition_id")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("outbox", "0003_mailing_from_backoffice"), ("registration", "0004_outbox")]

    operations = [migrations.RunPython(edition_from_registration, migrations.RunPython.noop)]
