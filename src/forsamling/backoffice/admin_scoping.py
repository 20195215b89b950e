"""Django's admin under the back office's one access rule, and per edition.

Django's model permissions are global; the back office's rule is the role per edition
(`accounts.access`). `ModelAdmin`, `TabularInline` and `StackedInline` here ask that
rule instead of the model permissions: organisers (and superusers) work in the admin, nobody
else. `EditionScopedAdminMixin` then narrows every edition-bound admin to the editions the
user organises: the lists, the change and delete pages, the filters in the sidebar and the
choices in foreign-key fields. Every admin class of the project derives from these.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import NotRelationField, get_fields_from_path
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponseBase
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from forsamling.accounts.access import admin_may, organised_editions
from forsamling.conferences.models import Edition
from forsamling.core.validators import protect


class RoleRuleMixin:
    """The role rule in place of Django's model permissions (see the module's docstring).

    Mixins that narrow it further (read-only, per edition) go before this in the bases and
    call `super()`.
    """

    def has_module_permission(self, request: HttpRequest) -> bool:
        return admin_may(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin_may(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin_may(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin_may(request)


class ReadOnlyAdminMixin:
    """Rows written only by the services: the admin shows them and changes nothing."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def managed(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """For an admin's own pages (publishing, the stand map): the role rule, as on its lists."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not admin_may(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return checked


class ModelAdmin(RoleRuleMixin, admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return admin_may(request)

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """A date and time is two inputs under one label: each gets a name of its own."""
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if isinstance(widget, AdminSplitDateTime):
            name = capfirst(db_field.verbose_name)
            widget.widgets[0].attrs["aria-label"] = _("%(field)s, dato") % {"field": name}
            widget.widgets[1].attrs["aria-label"] = _("%(field)s, klokkeslæt") % {"field": name}
        return formfield

    def get_changelist_form(self, request: HttpRequest, **kwargs: Any) -> Any:
        """The inputs of a list's editable columns have no label of their own: each is named
        by its column and its row, e.g. "Vandret placering (%): A1"."""
        base = super().get_changelist_form(request, **kwargs)

        class LabelledRowForm(base):  # type: ignore[valid-type,misc]
            def __init__(self, *args: Any, **form_kwargs: Any) -> None:
                super().__init__(*args, **form_kwargs)
                for field in self.fields.values():
                    if field.label:
                        label = f"{capfirst(str(field.label))}: {self.instance}"
                        field.widget.attrs["aria-label"] = label

        return LabelledRowForm


class TabularInline(RoleRuleMixin, admin.TabularInline):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin_may(request)


class StackedInline(RoleRuleMixin, admin.StackedInline):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin_may(request)


def scope_filter(path: str, request: HttpRequest) -> dict[str, Any]:
    """The lookup that keeps rows whose edition (at `path`, "pk" for editions) is in scope."""
    return {f"{path}__in": organised_editions(request.user).order_by().values("pk")}


class EditionScopedAdminMixin:
    """For a ModelAdmin or inline whose model belongs to one edition, reached by `edition_path`."""

    edition_path: str = "edition"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset: QuerySet[Any] = super().get_queryset(request)  # type: ignore[misc]
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**scope_filter(self.edition_path, request))

    def in_scope(self, request: HttpRequest, obj: Any) -> bool:
        """Whether the object is of one of the user's editions.

        An inline is asked about its parent, which its own admin has already checked.
        """
        model = self.model  # type: ignore[attr-defined]
        if request.user.is_superuser or not isinstance(obj, model) or obj.pk is None:
            return True
        rows = model._default_manager.filter(pk=obj.pk, **scope_filter(self.edition_path, request))
        return bool(rows.exists())

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_view_permission(request, obj)  # type: ignore[misc]
        return bool(allowed) and self.in_scope(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)  # type: ignore[misc]
        return bool(allowed) and self.in_scope(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)  # type: ignore[misc]
        return bool(allowed) and self.in_scope(request, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """Editions, and things of an edition (items, rooms, days…), only from the user's."""
        if "queryset" not in kwargs and not request.user.is_superuser:
            path = edition_path_of(self.admin_site, db_field.remote_field.model)  # type: ignore[attr-defined]
            if path is not None:
                queryset = self.get_field_queryset(None, db_field, request)  # type: ignore[attr-defined]
                if queryset is None:
                    queryset = db_field.remote_field.model._default_manager.all()
                kwargs["queryset"] = queryset.filter(**scope_filter(path, request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """Text fields refuse control characters, as in every other form (core.validators)."""
        field = super().formfield_for_dbfield(db_field, request, **kwargs)  # type: ignore[misc]
        if field is not None:
            protect({db_field.name: field})
        return field

    def get_list_filter(self, request: HttpRequest) -> Any:
        """A filter on a relation offers only what the user's own rows point at."""
        filters = super().get_list_filter(request)  # type: ignore[misc]
        if request.user.is_superuser:
            return filters
        model = self.model  # type: ignore[attr-defined]
        return [
            (name, admin.RelatedOnlyFieldListFilter) if is_relation(model, name) else name
            for name in filters
        ]


def edition_path_of(site: admin.AdminSite, model: type[Model]) -> str | None:
    """How rows of `model` reach their edition, if the model belongs to one edition."""
    if model is Edition:
        return "pk"
    model_admin = site._registry.get(model)
    if isinstance(model_admin, EditionScopedAdminMixin):
        return model_admin.edition_path
    return None


def is_relation(model: type[Model], name: Any) -> bool:
    if not isinstance(name, str):
        return False
    try:
        return bool(get_fields_from_path(model, name)[-1].is_relation)
    except (FieldDoesNotExist, NotRelationField):
        return False
