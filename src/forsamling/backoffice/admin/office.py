"""The back office's own data in the admin: roles per edition, PDF jobs, mailings."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from forsamling.accounts.models import EditionRole
from forsamling.accounts.roles import grant_role, revoke_role
from forsamling.backoffice.admin_scoping import EditionScopedAdminMixin, ModelAdmin, TabularInline
from forsamling.domain.permissions import Role
from forsamling.outbox.models import Delivery, Mailing
from forsamling.outputs.models import OutputJob


@admin.register(EditionRole)
class EditionRoleAdmin(EditionScopedAdminMixin, ModelAdmin):
    """Roles are given and taken through the services; an organiser only for their editions."""

    list_display = ["user", "edition", "role"]
    list_filter = ["edition", "role"]

    list_select_related = ["user", "edition"]

    def save_model(self, request: HttpRequest, obj: EditionRole, form: Any, change: bool) -> None:
        if change:
            EditionRole.objects.filter(pk=obj.pk).delete()
        granted = grant_role(user=obj.user, edition=obj.edition, role=Role(obj.role))
        obj.pk = granted.pk

    def delete_model(self, request: HttpRequest, obj: EditionRole) -> None:
        revoke_role(user=obj.user, edition=obj.edition, role=Role(obj.role))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[EditionRole]) -> None:
        for role in queryset.select_related("user", "edition"):
            self.delete_model(request, role)


@admin.register(OutputJob)
class OutputJobAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["kind", "edition", "status", "created_by", "created_at"]
    list_filter = ["edition", "kind", "status"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DeliveryInline(EditionScopedAdminMixin, TabularInline):
    edition_path = "mailing__edition"
    model = Delivery
    extra = 0
    can_delete = False
    fields = readonly_fields = ("to", "accepted", "error", "at")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Mailing)
class MailingAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["subject", "audience_label", "edition", "created_by", "created_at"]
    list_filter = ["edition"]
    inlines = [DeliveryInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
