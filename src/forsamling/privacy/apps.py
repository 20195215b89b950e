from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "forsamling.privacy"
    verbose_name = _("Persondata")

    def ready(self) -> None:
        # The registration services record consent through this hook, in their transaction
        # (forsamling.registration.consent_hook), since registration may not import privacy.
        from forsamling.privacy import consents, erasure
        from forsamling.registration.consent_hook import keep_consents_with

        keep_consents_with(consents)
        erasure.register()
