"""The task `send_message` moved from `outbox/tasks.py` into `outbox/sending.py` (see
`forsamling.core.task_paths`).
"""

from django.db import migrations

from forsamling.core.task_paths import TASKS_TABLE, move_tasks


class Migration(migrations.Migration):
    dependencies = [("outbox", "0001_initial"), TASKS_TABLE]

    operations = [
        move_tasks(
            {"forsamling.outbox.tasks.send_message": "forsamling.outbox.sending.send_message"}
        )
    ]
