from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "forsamling.accounts"
    verbose_name = _("Brugere og to-trins-login")
