"""Danish names for the libraries' apps in the admin (the breadcrumbs and the front page).

django-otp and django-tasks-db name their apps in English plain strings that no translation
catalogue reaches. An app's name is no part of its migrations, so it is set here when the
back office's app is ready. Their models are shown through Danish proxies
(`accounts.models`, `backoffice.models`, `backoffice.admin.libraries`), never renamed in
place: a changed verbose name would be a migration inside the library.
"""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

APPS = {
    "otp_totp": _("Godkenderapps"),
    "django_tasks_database": _("Baggrundsopgaver"),
}


def name_in_danish() -> None:
    for label, name in APPS.items():
        if label in apps.app_configs:
            apps.get_app_config(label).verbose_name = name
