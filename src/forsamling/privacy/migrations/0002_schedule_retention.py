"""Starts the hourly retention: enqueues its first run (each run enqueues the next)."""

from django.db import migrations


def schedule(apps, schema_editor):
    # The task's own scheduling function: it only writes a row through django-tasks' public
    # API when the database backend is configured, and never a second one.
    from forsamling.privacy.scheduling import schedule_next_run

    schedule_next_run()


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(schedule, migrations.RunPython.noop)]
