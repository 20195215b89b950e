"""`Choice.updated_at`, for the API's `?changed_since=`; existing rows start at `created_at`
(or `confirmed_at`, when a seat came later)."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models.functions import Coalesce


def from_history(apps, schema_editor):
    Choice = apps.get_model("registration", "Choice")
    Choice.objects.update(updated_at=Coalesce("confirmed_at", "created_at"))


class Migration(migrations.Migration):
    dependencies = [("registration", "0016_invitation_codes_and_consents_moved_here")]

    operations = [
        migrations.AddField(
            model_name="choice",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="ændret"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(from_history, migrations.RunPython.noop, elidable=True),
    ]
