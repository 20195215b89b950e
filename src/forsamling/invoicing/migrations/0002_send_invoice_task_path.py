"""The task `send_invoice_task` moved from `invoicing/tasks.py` into `invoicing/sending.py`.

A queued task is a row naming its function by dotted path; rows written before the move
would name a module that is gone. The rows that may still run (waiting, running, or failed)
are pointed at the new path; finished ones keep the path they ran under.
"""

from django.db import migrations

OLD = "forsamling.invoicing.tasks.send_invoice_task"
NEW = "forsamling.invoicing.sending.send_invoice_task"


def rename(old: str, new: str):
    def run(apps, schema_editor):
        results = apps.get_model("django_tasks_database", "DBTaskResult")
        results.objects.filter(task_path=old).exclude(status="SUCCESSFUL").update(task_path=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("invoicing", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
