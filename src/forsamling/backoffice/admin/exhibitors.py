"""The back office for exhibitors: stands (hold, release, move, the map), exhibitors (search,
export, e-mail), floor plans and the stand log. State changes go through the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db import models
from django.db.models import Count, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forsamling.accounts.access import organised_editions
from forsamling.backoffice.admin_scoping import (
    EditionScopedAdminMixin,
    ModelAdmin,
    ReadOnlyAdminMixin,
    TabularInline,
    managed,
)
from forsamling.conferences.queries import current_edition
from forsamling.core.downloads import attachment
from forsamling.core.validators import SafeTextMixin
from forsamling.domain.stands import StandError, StandStatus
from forsamling.exhibitors import services
from forsamling.exhibitors.exports import exhibitors_csv, exhibitors_xlsx
from forsamling.exhibitors.images import image_response
from forsamling.exhibitors.messages import describe
from forsamling.exhibitors.models import (
    Exhibitor,
    Extra,
    ExtraOrder,
    FloorPlan,
    Stand,
    StandChange,
    StandStaff,
)
from forsamling.exhibitors.queries import exhibitors_for_export, stand_map


@admin.register(FloorPlan)
class FloorPlanAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["edition", "description"]
    readonly_fields = ["map_link"]

    @admin.display(description=_("stande på plantegningen"))
    def map_link(self, plan: FloorPlan) -> str:
        if not plan.pk:
            return str(_("Gem plantegningen, og placér så standene med deres placering i procent."))
        url = reverse("admin:exhibitors_stand_map") + f"?edition={plan.edition_id}"
        return format_html('<a href="{}">{}</a>', url, _("Se standkortet med belægning"))


class MoveStandForm(forms.Form):
    target = forms.ModelChoiceField(queryset=Stand.objects.none(), label=_("Flyt til stand"))


@admin.register(Stand)
class StandAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = [
        "number",
        "edition",
        "size",
        "zone",
        "price",
        "status",
        "exhibitor",
        "position_x",
        "position_y",
    ]
    list_filter = ["edition", "status", "zone"]
    search_fields = ["number", "zone", "exhibitor__organisation"]
    list_select_related = ["edition", "exhibitor"]
    list_editable = ["position_x", "position_y"]
    readonly_fields = ["status", "exhibitor", "hold_note"]
    actions = ["hold_stands", "release_stands", "move_stand"]
    change_list_template = "admin/exhibitors/stand/change_list.html"

    def get_urls(self) -> list[Any]:
        view = self.admin_site.admin_view(managed(self.map_view))
        image = self.admin_site.admin_view(managed(self.floor_plan_image))
        return [
            path("kort/", view, name="exhibitors_stand_map"),
            path("kort/<int:edition_id>/plantegning/", image, name="exhibitors_floor_plan"),
            *super().get_urls(),
        ]

    def floor_plan_image(self, request: HttpRequest, edition_id: int) -> FileResponse:
        """The plan for organisers, also of editions not yet public."""
        plans = FloorPlan.objects.filter(edition__in=organised_editions(request.user))
        return image_response(get_object_or_404(plans, edition_id=edition_id).image)

    def map_view(self, request: HttpRequest) -> HttpResponse:
        editions = organised_editions(request.user).filter(stands__isnull=False).distinct()
        chosen = (
            editions.filter(pk=request.GET.get("edition") or 0).first()
            if request.GET.get("edition", "").isdigit()
            else None
        )
        # Without ?edition=, the front page's edition if it is one of the choices (the user's,
        # with stands); else the newest that is: the map shown is the one selected in the menu.
        current = current_edition()
        if current is not None:
            current = editions.filter(pk=current.pk).first()
        edition = chosen or current or editions.order_by("-start_date").first()
        context = {
            **self.admin_site.each_context(request),
            "title": _("Standkort"),
            "opts": self.model._meta,
            "editions": editions,
            "edition": edition,
            "map": stand_map(edition) if edition else None,
            "floor_plan_url": (
                reverse("admin:exhibitors_floor_plan", args=[edition.pk]) if edition else ""
            ),
        }
        return TemplateResponse(request, "admin/exhibitors/stand/map.html", context)

    @admin.action(description=_("Reservér valgte stande"), permissions=["change"])
    def hold_stands(self, request: HttpRequest, queryset: QuerySet[Stand]) -> None:
        self._each(
            request, queryset, lambda stand: services.hold_stand(stand=stand, actor=request.user)
        )

    @admin.action(description=_("Frigiv valgte stande"), permissions=["change"])
    def release_stands(self, request: HttpRequest, queryset: QuerySet[Stand]) -> None:
        self._each(
            request, queryset, lambda stand: services.release_stand(stand=stand, actor=request.user)
        )

    @admin.action(description=_("Flyt booking til en anden stand"), permissions=["change"])
    def move_stand(self, request: HttpRequest, queryset: QuerySet[Stand]) -> HttpResponse | None:
        if queryset.count() != 1 or queryset.get().status != StandStatus.BOOKED.value:
            self.message_user(request, _("Vælg præcis én booket stand."), messages.ERROR)
            return None
        source = queryset.select_related("edition", "exhibitor").get()
        form = MoveStandForm(request.POST if "apply" in request.POST else None)
        free = Stand.objects.filter(edition=source.edition, status=StandStatus.FREE.value)
        form.fields["target"].queryset = free  # type: ignore[attr-defined]
        if form.is_valid():
            try:
                services.move_stand(
                    source=source, target=form.cleaned_data["target"], actor=request.user
                )
            except StandError as error:
                self.message_user(request, describe(error), messages.ERROR)
            else:
                self.message_user(request, _("Bookingen er flyttet."), messages.SUCCESS)
            return None
        return TemplateResponse(
            request,
            "admin/exhibitors/stand/move.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Flyt booking"),
                "opts": self.model._meta,
                "source": source,
                "form": form,
                "queryset": queryset,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            },
        )

    def _each(self, request: HttpRequest, queryset: QuerySet[Stand], change: Any) -> None:
        done = 0
        for stand in queryset.order_by("pk"):
            try:
                change(stand)
            except StandError as error:
                self.message_user(request, f"{stand.number}: {describe(error)}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext("%(count)d stand er ændret.", "%(count)d stande er ændret.", done)
                % {"count": done},
                messages.SUCCESS,
            )


class StandStaffInline(EditionScopedAdminMixin, TabularInline):
    edition_path = "exhibitor__edition"
    model = StandStaff
    extra = 0
    fields = ["name", "title", "email", "created_at"]
    readonly_fields = ["created_at"]


class ExtraOrderInline(EditionScopedAdminMixin, TabularInline):
    """What the exhibitor ordered; the price is the one of the moment they booked."""

    edition_path = "exhibitor__edition"
    model = ExtraOrder
    extra = 0
    fields = ["extra", "quantity", "unit_price"]


@admin.register(Extra)
class ExtraAdmin(EditionScopedAdminMixin, ModelAdmin):
    """The extras exhibitors can order with their stands, priced per edition."""

    list_display = ["name", "edition", "price", "max_quantity", "order"]
    list_filter = ["edition"]
    fields = ["edition", "name", "description", "price", "max_quantity", "order"]


class EmailExhibitorsForm(SafeTextMixin, forms.Form):
    subject = forms.CharField(label=_("Emne"), max_length=200)
    body = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 12, "cols": 80}))


@admin.register(Exhibitor)
class ExhibitorAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = [
        "organisation", "edition", "cvr", "contact_name", "contact_email", "stand_numbers",
        "staff_count", "created_at",
    ]  # fmt: skip
    list_filter = ["edition", "stands__zone"]
    search_fields = [
        "organisation",
        "cvr",
        "contact_name",
        "contact_email",
        "ean",
        "stands__number",
    ]
    readonly_fields = ["private_link", "created_at"]
    inlines = [StandStaffInline, ExtraOrderInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["export_csv", "export_xlsx", "email_selected"]
    fieldsets = [
        (None, {"fields": ["edition", "organisation", "cvr", "private_link", "created_at"]}),
        (_("Kontaktperson"), {"fields": ["contact_name", "contact_email", "contact_phone"]}),
        (_("Faktura"), {"fields": ["invoice_address", "invoice_reference", "ean"]}),
        (_("Profil"), {"fields": ["description", "website", "logo"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Exhibitor]:
        return (
            super()
            .get_queryset(request)
            .select_related("edition")
            .prefetch_related("stands")
            .annotate(staff_total=Count("staff", distinct=True))
        )

    @admin.display(description=_("stande"))
    def stand_numbers(self, exhibitor: Exhibitor) -> str:
        return ", ".join(sorted(stand.number for stand in exhibitor.stands.all()))

    @admin.display(description=_("standpersonale"), ordering="staff_total")
    def staff_count(self, exhibitor: Exhibitor) -> int:
        return getattr(exhibitor, "staff_total", 0)

    @admin.display(description=_("privat link"))
    def private_link(self, exhibitor: Exhibitor) -> str:
        if not exhibitor.pk:
            return "–"
        url = exhibitor.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.action(description=_("Eksportér valgte som CSV"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Exhibitor]) -> HttpResponse:
        return attachment(
            exhibitors_csv(exhibitors_for_export(queryset)),
            "udstillere.csv",
            "text/csv; charset=utf-8",
        )

    @admin.action(description=_("Eksportér valgte som Excel (XLSX)"))
    def export_xlsx(self, request: HttpRequest, queryset: QuerySet[Exhibitor]) -> HttpResponse:
        return attachment(
            exhibitors_xlsx(exhibitors_for_export(queryset)),
            "udstillere.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    @admin.action(description=_("Send e-mail til valgte udstillere"), permissions=["change"])
    def email_selected(
        self, request: HttpRequest, queryset: QuerySet[Exhibitor]
    ) -> HttpResponse | None:
        form = EmailExhibitorsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            sent = services.email_exhibitors(exhibitors=queryset, **form.cleaned_data)
            self.message_user(
                request,
                ngettext(
                    "E-mailen er sendt til %(count)d udstiller.",
                    "E-mailen er sendt til %(count)d udstillere.",
                    sent,
                )
                % {"count": sent},
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/exhibitors/exhibitor/email.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Send e-mail til udstillere"),
                "opts": self.model._meta,
                "form": form,
                "queryset": queryset,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(StandChange)
class StandChangeAdmin(ReadOnlyAdminMixin, EditionScopedAdminMixin, ModelAdmin):
    edition_path = "stand__edition"
    list_display = ["created_at", "stand", "action", "exhibitor", "actor", "note"]
    list_filter = ["action", "stand__edition"]
    search_fields = ["stand__number", "exhibitor__organisation", "note"]
    list_select_related = ["stand", "exhibitor", "actor"]


def stand_map_url() -> str:
    return reverse("admin:exhibitors_stand_map")
