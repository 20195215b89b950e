"""A migration the test database has not applied: the readiness check must notice it."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("registration", "__first__")]
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
