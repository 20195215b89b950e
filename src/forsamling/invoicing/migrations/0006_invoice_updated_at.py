"""`Invoice.updated_at`, for the API's `?changed_since=`; existing rows start at their last
known moment (sent, issued or created)."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models.functions import Coalesce


def from_history(apps, schema_editor):
    Invoice = apps.get_model("invoicing", "Invoice")
    Invoice.objects.update(updated_at=Coalesce("sent_at", "issued_at", "created_at"))


class Migration(migrations.Migration):
    dependencies = [("invoicing", "0005_stand_extra_lines")]

    operations = [
        migrations.AddField(
            model_name="invoice",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="ændret"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(from_history, migrations.RunPython.noop, elidable=True),
    ]
