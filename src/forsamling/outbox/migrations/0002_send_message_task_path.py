"""The task `send_message` moved from `outbox/tasks.py` into `outbox/sending.py`.

A queued task is a row naming its function by dotted path; rows written before the move
would name a module that is gone. The rows that may still run (waiting, running, or failed:
the outbox's recovery queues some failed ones again) are pointed at the new path; finished
ones keep the path they ran under.
"""

from django.db import migrations

OLD = "forsamling.outbox.tasks.send_message"
NEW = "forsamling.outbox.sending.send_message"


def rename(old: str, new: str):
    def run(apps, schema_editor):
        results = apps.get_model("django_tasks_database", "DBTaskResult")
        results.objects.filter(task_path=old).exclude(status="SUCCESSFUL").update(task_path=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
