from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutputsConfig(AppConfig):
    name = "forsamling.outputs"
    verbose_name = _("Udtræk")
