from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition, Theme


class ThemeInline(admin.StackedInline):
    model = Theme
    extra = 0
    fields = ["order", "title", "description"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["title", "start_date", "city", "registration_opens_at", "is_public", "is_demo"]
    list_filter = ["is_public", "is_demo"]
    search_fields = ["title", "city", "venue"]
    ordering = ["-start_date"]
    inlines = [ThemeInline]
    fieldsets = [
        (None, {"fields": ["title", "tagline", "slug", "year", "is_public", "is_demo"]}),
        (_("Tid og sted"), {"fields": ["start_date", "end_date", "venue", "city"]}),
        (
            _("Tilmelding og frister"),
            {
                "fields": [
                    "registration_opens_at",
                    "registration_closes_at",
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
