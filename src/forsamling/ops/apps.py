from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "forsamling.ops"
    label = "ops"
    verbose_name = "Drift"

    def ready(self) -> None:
        from forsamling.ops import logs

        logs.follow_requests_and_tasks()
