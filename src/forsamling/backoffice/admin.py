"""The back office is Django's admin, in Danish, under /backoffice/."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from forsamling.backoffice.admin_scoping import EditionScopedAdminMixin
from forsamling.backoffice.models import Delivery, EditionRole, Mailing, OutputJob
from forsamling.backoffice.permissions import organised_editions
from forsamling.backoffice.services import grant_role, revoke_role
from forsamling.domain.permissions import Role

admin.site.site_header = _("Forsamling – backoffice")
admin.site.site_title = _("Forsamling")
admin.site.index_title = _("Social- og Sundhedspolitisk Forum")


@admin.register(EditionRole)
class EditionRoleAdmin(admin.ModelAdmin):
    """Roles are given through the service, so the user also gets the role's group."""

    list_display = ["user", "edition", "role"]
    list_filter = ["edition", "role"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[EditionRole]:
        """An organiser sees and gives roles only for the editions they organise."""
        roles = super().get_queryset(request).select_related("user", "edition")
        if request.user.is_superuser:
            return roles
        return roles.filter(edition__in=organised_editions(request.user))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "edition" and not request.user.is_superuser:
            kwargs["queryset"] = organised_editions(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
class OutputJobAdmin(EditionScopedAdminMixin, admin.ModelAdmin):
    list_display = ["kind", "edition", "status", "created_by", "created_at"]
    list_filter = ["edition", "kind", "status"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DeliveryInline(EditionScopedAdminMixin, admin.TabularInline):
    edition_path = "mailing__edition"
    model = Delivery
    extra = 0
    can_delete = False
    fields = readonly_fields = ("to", "accepted", "error", "at")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Mailing)
class MailingAdmin(EditionScopedAdminMixin, admin.ModelAdmin):
    list_display = ["subject", "audience_label", "edition", "created_by", "created_at"]
    list_filter = ["edition"]
    inlines = [DeliveryInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
