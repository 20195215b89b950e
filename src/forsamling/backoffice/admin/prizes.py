"""The prize's settings in Django's admin: the prize, its criteria and its jury.

Jurors added here get the edition's jury role (and so the jury's back-office pages) through
`forsamling.prizes.jury`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from forsamling.backoffice.admin_scoping import EditionScopedAdminMixin, ModelAdmin, TabularInline
from forsamling.prizes.jury import give_jury_role
from forsamling.prizes.models import Criterion, Juror, Prize
from forsamling.programme.models import Item, ItemKind


class CriterionInline(TabularInline):
    model = Criterion
    extra = 1


class JurorInline(TabularInline):
    model = Juror
    extra = 1


@admin.register(Prize)
class PrizeAdmin(EditionScopedAdminMixin, ModelAdmin):
    edition_path = "edition"
    list_display = ["name", "edition", "nominations_open_at", "nominations_close_at"]
    inlines = [CriterionInline, JurorInline]
    readonly_fields = ["winner", "nominees_published", "winner_published", "catalogue_published"]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "award_item":
            kwargs["queryset"] = Item.objects.filter(kind=ItemKind.PRIZE_AWARD).select_related(
                "edition"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is Juror:
            for juror in formset.instance.jurors.all():
                give_jury_role(juror=juror)
