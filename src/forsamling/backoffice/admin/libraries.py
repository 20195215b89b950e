"""The libraries' models in the admin, in Danish, for superusers: the users' authenticator
apps (delete one when a phone is lost, and the user sets up a new one at the next login) and
the background tasks' results. The libraries' own English admin pages are taken away, and
so are Django's groups and per-user permissions: the back office's access rule is the role per
edition (`accounts.access`), which they would only seem to change.

`replace_library_admins` runs in `BackofficeConfig.ready`: the admin imports the libraries'
admin modules after ours (the order of INSTALLED_APPS), so their pages exist only then."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from forsamling.accounts.models import AuthenticatorApp
from forsamling.backoffice.models import BackgroundTask

TASK_STATUS = {"READY": _("Klar"), "RUNNING": _("I gang"), "FAILED": _("Fejlede"),
               "SUCCESSFUL": _("Færdig")}  # fmt: skip


class AuthenticatorAppAdmin(admin.ModelAdmin):
    list_display = ["owner", "device_name", "is_confirmed", "created", "last_used"]
    search_fields = ["user__username", "user__email"]
    fields = ["owner", "name", "confirmed"]
    readonly_fields = ["owner"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False,
                 **kwargs: Any) -> Any:  # fmt: skip
        kwargs["labels"] = {"name": _("navn"), "confirmed": _("bekræftet")}
        kwargs["help_texts"] = {"name": "", "confirmed": ""}
        return super().get_form(request, obj, change, **kwargs)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # users set up their own on the back office's page

    @admin.display(description=_("bruger"), ordering="user__username")
    def owner(self, obj: AuthenticatorApp) -> str:
        return str(obj.user)

    @admin.display(description=_("navn"), ordering="name")
    def device_name(self, obj: AuthenticatorApp) -> str:
        return obj.name

    @admin.display(description=_("bekræftet"), boolean=True, ordering="confirmed")
    def is_confirmed(self, obj: AuthenticatorApp) -> bool:
        return obj.confirmed

    @admin.display(description=_("oprettet"), ordering="created_at")
    def created(self, obj: AuthenticatorApp) -> Any:
        return obj.created_at

    @admin.display(description=_("sidst brugt"), ordering="last_used_at")
    def last_used(self, obj: AuthenticatorApp) -> Any:
        return obj.last_used_at


class BackgroundTaskAdmin(admin.ModelAdmin):
    list_display = ["task", "state", "enqueued", "finished"]
    fields = ("task", "state", "enqueued", "finished", "error")
    readonly_fields = fields
    ordering = ["-enqueued_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("opgave"), ordering="task_path")
    def task(self, obj: BackgroundTask) -> str:
        return str(obj.task_path.rsplit(".", 1)[-1])

    @admin.display(description=_("status"), ordering="status")
    def state(self, obj: BackgroundTask) -> str:
        return str(TASK_STATUS.get(obj.status, obj.status))

    @admin.display(description=_("sat i kø"), ordering="enqueued_at")
    def enqueued(self, obj: BackgroundTask) -> Any:
        return obj.enqueued_at

    @admin.display(description=_("færdig"), ordering="finished_at")
    def finished(self, obj: BackgroundTask) -> Any:
        return obj.finished_at

    @admin.display(description=_("fejl"))
    def error(self, obj: BackgroundTask) -> str:
        return str(obj.traceback)


class StaffUserAdmin(UserAdmin):
    """Users without groups and model permissions: a role per edition says what they may."""

    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personlige oplysninger"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Adgang"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Vigtige datoer"), {"fields": ["last_login", "date_joined"]}),
    ]
    list_filter = ["is_staff", "is_superuser", "is_active"]


def replace_library_admins() -> None:
    user_model = get_user_model()
    for model in (TOTPDevice, DBTaskResult, Group, user_model):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
    admin.site.register(user_model, StaffUserAdmin)
    admin.site.register(AuthenticatorApp, AuthenticatorAppAdmin)
    admin.site.register(BackgroundTask, BackgroundTaskAdmin)
