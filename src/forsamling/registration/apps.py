from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class RegistrationConfig(AppConfig):
    name = "forsamling.registration"
    verbose_name = _("Tilmelding")

    def ready(self) -> None:
        from forsamling.programme.models import Session
        from forsamling.registration.seats import make_counter

        post_save.connect(make_counter, sender=Session, dispatch_uid="registration.make_counter")
