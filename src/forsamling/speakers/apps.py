from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeakersConfig(AppConfig):
    name = "forsamling.speakers"
    verbose_name = _("Oplægsholdere")
