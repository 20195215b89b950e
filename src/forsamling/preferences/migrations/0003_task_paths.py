"""The allocation's tasks moved from `preferences/tasks.py` into `preferences/services.py` (see
`forsamling.core.task_paths`).
"""

from django.db import migrations

from forsamling.core.task_paths import TASKS_TABLE, move_tasks


class Migration(migrations.Migration):
    dependencies = [("preferences", "0002_danish_field_names"), TASKS_TABLE]

    operations = [
        move_tasks(
            {
                "forsamling.preferences.tasks.run_allocation": (
                    "forsamling.preferences.services.run_allocation_task"
                ),
                "forsamling.preferences.tasks.publish_round": (
                    "forsamling.preferences.services.publish_round_task"
                ),
            }
        )
    ]
