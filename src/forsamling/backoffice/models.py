"""The admin's own name for a library's rows: the background tasks, in Danish."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class BackgroundTask(DBTaskResult):
    """A background task's result, named in Danish for the admin."""

    class Meta:
        proxy = True
        verbose_name = _("baggrundsopgave")
        verbose_name_plural = _("baggrundsopgaver")
