"""The task `apply_retention_task` moved from `privacy/tasks.py` into `privacy/scheduling.py`.

A queued task is a row naming its function by dotted path; rows written before the move
would name a module that is gone. The rows that may still run (the waiting next run, a
running or failed one) are pointed at the new path; finished ones keep the path they ran
under.
"""

from django.db import migrations

OLD = "forsamling.privacy.tasks.apply_retention_task"
NEW = "forsamling.privacy.scheduling.apply_retention_task"


def rename(old: str, new: str):
    def run(apps, schema_editor):
        results = apps.get_model("django_tasks_database", "DBTaskResult")
        results.objects.filter(task_path=old).exclude(status="SUCCESSFUL").update(task_path=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0002_schedule_retention"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
