from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "forsamling.api"
    verbose_name = _("API")

    def ready(self) -> None:
        from forsamling.api import schema  # noqa: F401  (registers the token's security scheme)
