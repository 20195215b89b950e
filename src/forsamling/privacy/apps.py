from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "forsamling.privacy"
    verbose_name = _("Persondata")

    def ready(self) -> None:
        from forsamling.privacy import erasure  # at start-up, once the models are loaded

        erasure.register()
