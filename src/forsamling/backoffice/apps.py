from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    default = True  # this module also holds the admin's config, below
    name = "forsamling.backoffice"
    verbose_name = _("Baggrundsopgaver")

    def ready(self) -> None:
        # Both need every app's models and admin classes loaded, so not at import time.
        from django.contrib.auth.signals import user_logged_in

        from forsamling.backoffice.admin.libraries import replace_library_admins
        from forsamling.backoffice.danish_names import name_in_danish
        from forsamling.backoffice.session_timeout import stamp_at_login

        user_logged_in.connect(stamp_at_login, dispatch_uid="staff-session-stamp")
        name_in_danish()
        replace_library_admins()


class ForsamlingAdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site: a login that asks staff for a TOTP code."""

    default = False
    default_site = "forsamling.backoffice.site.ForsamlingAdminSite"
