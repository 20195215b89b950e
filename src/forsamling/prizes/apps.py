from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrizesConfig(AppConfig):
    name = "forsamling.prizes"
    verbose_name = _("KL's Forebyggelsespris")
    default_auto_field = "django.db.models.BigAutoField"
