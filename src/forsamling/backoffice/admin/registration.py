"""The back office for registrations, waiting lists and the audit log.

Registrations are read here and changed through the services (as admin actions), so every
change an organiser makes is audited and e-mailed like the participant's own.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forsamling.backoffice.admin_scoping import (
    EditionScopedAdminMixin,
    ModelAdmin,
    ReadOnlyAdminMixin,
    TabularInline,
)
from forsamling.backoffice.audit_log import log_lines
from forsamling.domain import audit
from forsamling.domain.registration_rules import RegistrationError
from forsamling.programme.models import Session
from forsamling.registration import services
from forsamling.registration.models import (
    AuditEntry,
    Category,
    Choice,
    GroupBooking,
    Registration,
    SessionSeats,
)
from forsamling.registration.seats import waiting_position


def organiser(request: HttpRequest) -> audit.Actor:
    """The organiser as the services' audit entries name them."""
    return audit.organiser(request.user.get_username())


class ReadOnlyInline(TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ChoiceInline(EditionScopedAdminMixin, ReadOnlyInline):
    model = Choice
    edition_path = "slot__edition"
    fields = readonly_fields = ("slot", "session", "status", "created_at", "confirmed_at")


class AuditInline(EditionScopedAdminMixin, ReadOnlyInline):
    model = AuditEntry
    fields = readonly_fields = ("at", "actor", "action", "details")


class SeatServicesOnlyMixin:
    """Registrations and seat counters change only through the services, under the session's
    lock (this admin's actions call them), so the admin adds, deletes and saves none itself: a
    deleted registration's seats would stay counted, every session keeps its counter, and a stale
    copy saved from a change page would undo what registrations took meanwhile."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Nothing to save (see the class)."""


@admin.register(Category)
class CategoryAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["name", "edition", "price", "is_politician", "is_health_council", "order"]
    list_filter = ["edition"]
    list_editable = ["order"]


@admin.register(Registration)
class RegistrationAdmin(SeatServicesOnlyMixin, EditionScopedAdminMixin, ModelAdmin):
    list_display = ["name", "email", "organisation", "category", "status", "dinner", "created_at"]
    list_filter = ["edition", "status", "category", "dinner", "list_consent"]
    search_fields = ["name", "email", "organisation", "job_title"]
    date_hierarchy = "created_at"
    inlines = [ChoiceInline, AuditInline]
    actions = ["cancel_selected"]
    list_select_related = ["category"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Registration._meta.fields]

    @admin.action(description=_("Afmeld de valgte tilmeldinger"), permissions=["change"])
    def cancel_selected(self, request: HttpRequest, queryset: QuerySet[Registration]) -> None:
        done = 0
        for registration in queryset.select_related("edition", "category"):
            try:
                services.cancel_registration(registration=registration, actor=organiser(request))
            except RegistrationError:
                continue
            done += 1
        self.message_user(
            request,
            ngettext("%d tilmelding afmeldt.", "%d tilmeldinger afmeldt.", done) % done,
            messages.SUCCESS,
        )


@admin.register(Choice)
class WaitingListAdmin(ReadOnlyAdminMixin, EditionScopedAdminMixin, ModelAdmin):
    """The seats and waiting lists, one row per choice; the list shows each one's place."""

    edition_path = "slot__edition"

    list_display = ["session", "registration", "status", "position", "created_at"]
    list_filter = ["status", "slot__edition", "session"]
    search_fields = ["registration__name", "registration__email", "session__title"]
    list_select_related = ["session", "registration"]
    ordering = ["session", "status", "created_at", "id"]

    @admin.display(description=_("nr. på venteliste"))
    def position(self, choice: Choice) -> int | None:
        return waiting_position(choice)


@admin.register(SessionSeats)
class SessionSeatsAdmin(SeatServicesOnlyMixin, EditionScopedAdminMixin, ModelAdmin):
    edition_path = "session__slot__edition"
    list_display = ["session", "taken", "capacity"]
    list_filter = ["session__slot__edition"]
    list_select_related = ["session"]
    readonly_fields = ["session", "taken"]
    actions = ["fill_selected"]

    @admin.display(description=_("pladser i alt"))
    def capacity(self, seats: SessionSeats) -> int | None:
        return seats.session.capacity

    @admin.action(
        description=_("Giv ledige pladser til de første på ventelisten"), permissions=["change"]
    )
    def fill_selected(self, request: HttpRequest, queryset: QuerySet[SessionSeats]) -> None:
        sessions = list(Session.objects.filter(seats__in=queryset))
        promoted = services.fill_waiting_lists(sessions=sessions, actor=organiser(request))
        self.message_user(request, _("%d fik plads.") % promoted, messages.SUCCESS)


@admin.register(GroupBooking)
class GroupBookingAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["organisation", "secretary_name", "secretary_email", "edition", "created_at"]
    list_filter = ["edition"]
    search_fields = ["organisation", "secretary_name", "secretary_email"]
    readonly_fields = ["token"]


class ActionFilter(admin.SimpleListFilter):
    """The log's actions by their Danish names (`domain.audit.ACTION_NAMES`), not their codes."""

    title = _("handling")
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        used = set(model_admin.get_queryset(request).values_list("action", flat=True).distinct())
        names = {action.value: name for action, name in audit.ACTION_NAMES.items()}
        return sorted(((code, names.get(code, code)) for code in used), key=lambda row: row[1])

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdminMixin, EditionScopedAdminMixin, ModelAdmin):
    """The log as Danish sentences ("Maja Jensen skiftede fra Temamøde 3 til Temamøde 5"); the
    names of the page's people and sessions are looked up once for the page."""

    list_display = ["at", "sentence", "registration"]
    list_filter = ["edition", ActionFilter]
    search_fields = ["actor", "registration__name", "registration__email"]
    list_select_related = ["registration"]

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        changelist = super().get_changelist_instance(request)
        entries = changelist.result_list = list(changelist.result_list)
        for entry, line in zip(entries, log_lines(entries), strict=True):
            entry.sentence = line.text
        return changelist

    @admin.display(description=_("hændelse"))
    def sentence(self, entry: AuditEntry) -> str:
        return getattr(entry, "sentence", "")
