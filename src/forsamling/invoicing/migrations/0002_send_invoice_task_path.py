"""The task `send_invoice_task` moved from `invoicing/tasks.py` into `invoicing/sending.py` (see
`forsamling.core.task_paths`).
"""

from django.db import migrations

from forsamling.core.task_paths import TASKS_TABLE, move_tasks


class Migration(migrations.Migration):
    dependencies = [("invoicing", "0001_initial"), TASKS_TABLE]

    operations = [
        move_tasks(
            {
                "forsamling.invoicing.tasks.send_invoice_task": (
                    "forsamling.invoicing.sending.send_invoice_task"
                )
            }
        )
    ]
