from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forsamling.backoffice.admin_scoping import (
    EditionScopedAdminMixin,
    ModelAdmin,
    StackedInline,
    TabularInline,
)
from forsamling.backoffice.next_year import copy_to_next_year
from forsamling.conferences.models import Edition, Theme
from forsamling.registration.models import Meal
from forsamling.registration.seats import recount_places


class ThemeInline(EditionScopedAdminMixin, StackedInline):
    model = Theme
    extra = 0
    fields = ["order", "title", "description"]


class MealInline(EditionScopedAdminMixin, TabularInline):
    """The meals the kitchen serves (køkkenlisten counts each)."""

    model = Meal
    extra = 0
    fields = ["day", "kind", "name", "order"]


@admin.register(Edition)
class EditionAdmin(EditionScopedAdminMixin, ModelAdmin):
    edition_path = "pk"
    list_display = ["title", "start_date", "city", "registration_opens_at", "is_public", "is_demo"]
    list_filter = ["is_public", "is_demo"]
    search_fields = ["title", "city", "venue"]
    ordering = ["-start_date"]
    inlines = [ThemeInline, MealInline]
    actions = ["copy_to_next_year"]
    fieldsets = [
        (None, {"fields": ["title", "tagline", "slug", "year", "is_public", "is_demo"]}),
        (_("Tid og sted"), {"fields": ["start_date", "end_date", "venue", "city"]}),
        (
            _("Tilmelding og frister"),
            {
                "fields": [
                    "registration_opens_at",
                    "registration_closes_at",
                    "capacity",
                    "day_attendance",
                    "cancellation_deadline",
                    "exhibitors_open_at",
                    "exhibitors_close_at",
                ]
            },
        ),
        (
            _("Tekster på forsiden"),
            {
                "fields": [
                    "headline",
                    "lead",
                    "intro",
                    "takeaways_heading",
                    "takeaways",
                    "themes_heading",
                    "themes_intro",
                    "closing",
                    "programme_note",
                ]
            },
        ),
        (
            _("Kontaktperson"),
            {
                "fields": [
                    "contact_name",
                    "contact_role",
                    "contact_unit",
                    "contact_phone",
                    "contact_email",
                ]
            },
        ),
    ]

    def save_model(self, request: HttpRequest, obj: Edition, form: Any, change: bool) -> None:
        """A capacity set or changed: the places taken are counted afresh from the
        registrations, in the same transaction, so the rule starts from the truth."""
        super().save_model(request, obj, form, change)
        if obj.capacity is not None and "capacity" in form.changed_data:
            taken = recount_places(obj)
            self.message_user(
                request,
                _("%(taken)s af %(capacity)s pladser i alt er optaget.")
                % {"taken": taken, "capacity": obj.capacity},
                messages.WARNING if taken >= obj.capacity else messages.INFO,
            )

    @admin.action(
        description=_("Opret næste års udgave som kopi af den valgte"), permissions=["add"]
    )
    def copy_to_next_year(
        self, request: HttpRequest, queryset: QuerySet[Edition]
    ) -> HttpResponse | None:
        if queryset.count() != 1:
            self.message_user(request, _("Vælg netop én udgave at kopiere."), messages.ERROR)
            return None
        copy = copy_to_next_year(source=queryset.get(), user=request.user)
        self.message_user(
            request,
            _(
                "%(title)s er oprettet som kopi med datoer flyttet et år frem. "
                "Den er ikke offentlig endnu: ret den til, og sæt flueben i 'vises på sitet'."
            )
            % {"title": copy.title},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:conferences_edition_change", args=[copy.pk]))
