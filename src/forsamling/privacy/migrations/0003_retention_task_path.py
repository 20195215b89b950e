"""The task `apply_retention_task` moved from `privacy/tasks.py` into `privacy/scheduling.py` (see
`forsamling.core.task_paths`).
"""

from django.db import migrations

from forsamling.core.task_paths import TASKS_TABLE, move_tasks


class Migration(migrations.Migration):
    dependencies = [("privacy", "0002_schedule_retention"), TASKS_TABLE]

    operations = [
        move_tasks(
            {
                "forsamling.privacy.tasks.apply_retention_task": (
                    "forsamling.privacy.scheduling.apply_retention_task"
                )
            }
        )
    ]
