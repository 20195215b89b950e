from django.db import migrations, models


def mark_demo_prizes(apps, schema_editor):
    """Prizes the demo loader made before the flag existed: every nomination's contact has an
    example.org address (the loader's made-up people), so they are example data."""
    Prize = apps.get_model("prizes", "Prize")
    for prize in Prize.objects.all():
        emails = list(prize.nominations.values_list("contact_email", flat=True))
        if emails and all(email.endswith("@example.org") for email in emails):
            prize.is_example = True
            prize.save(update_fields=["is_example"])


class Migration(migrations.Migration):
    dependencies = [
        ("prizes", "0002_danish_field_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="prize",
            name="is_example",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Indstillingerne er opdigtede (demo): hver side, der viser dem, siger, at "
                    "det er eksempeldata."
                ),
                verbose_name="eksempeldata",
            ),
        ),
        migrations.RunPython(mark_demo_prizes, migrations.RunPython.noop),
    ]
