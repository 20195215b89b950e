from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "forsamling.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from forsamling.api import removals, schema  # noqa: F401  (schema: the token's scheme)

        removals.connect()
