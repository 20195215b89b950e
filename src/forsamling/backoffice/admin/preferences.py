"""Preference rounds in the admin: read only. Every change goes through the round's own page,
/backoffice/praeferencer/, whose buttons call the services (and so the audit log)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from forsamling.backoffice.admin_scoping import EditionScopedAdminMixin, ModelAdmin
from forsamling.preferences.models import PreferenceRound


@admin.register(PreferenceRound)
class PreferenceRoundAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["title", "edition", "status", "opens_at", "closes_at", "manage"]
    list_filter = ["edition", "status"]
    fields = readonly_fields = (
        "edition",
        "title",
        "status",
        "opens_at",
        "closes_at",
        "seed_commitment",
        "allocated_at",
        "published_at",
        "manage",
    )

    @admin.display(description=_("styring"))
    def manage(self, obj: PreferenceRound) -> str:
        url = reverse("preferences_backoffice:round", kwargs={"round_id": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("Åbn rundens side"))

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> Any:
        """ "Tilføj" leads to the round's own page, which creates it through the service."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        return redirect("preferences_backoffice:rounds")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
