from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "forsamling.ops"
    label = "ops"
    verbose_name = _("Drift")

    def ready(self) -> None:
        from forsamling.ops import logs

        logs.follow_requests_and_tasks()
