"""The allocation's tasks moved from `preferences/tasks.py` into `preferences/services.py`.

A queued task is a row naming its function by dotted path; rows written before the move
would name a module that is gone. The rows that may still run (waiting, running, or failed)
are pointed at the new path; finished ones keep the path they ran under.
"""

from django.db import migrations

MOVED = {
    "forsamling.preferences.tasks.run_allocation": (
        "forsamling.preferences.services.run_allocation_task"
    ),
    "forsamling.preferences.tasks.publish_round": (
        "forsamling.preferences.services.publish_round_task"
    ),
}


def rename(pairs: dict[str, str]):
    def run(apps, schema_editor):
        results = apps.get_model("django_tasks_database", "DBTaskResult")
        for old, new in pairs.items():
            results.objects.filter(task_path=old).exclude(status="SUCCESSFUL").update(
                task_path=new
            )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("preferences", "0002_danish_field_names"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(
            rename(MOVED), rename({new: old for old, new in MOVED.items()})
        )
    ]
