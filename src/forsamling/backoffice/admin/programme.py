from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from forsamling.accounts.access import organised_editions
from forsamling.backoffice.admin_scoping import (
    EditionScopedAdminMixin,
    ModelAdmin,
    TabularInline,
    managed,
)
from forsamling.backoffice.forms_programme import ItemForm, PublishProgrammeForm, SessionForm
from forsamling.domain import audit
from forsamling.programme.models import (
    Day,
    EditionModerator,
    Item,
    ItemSpeaker,
    ProgrammeVersion,
    Room,
    Session,
    SessionSpeaker,
    Speaker,
    Track,
)
from forsamling.programme.queries import draft_conflicts
from forsamling.registration.programme_notices import publish_and_announce
from forsamling.registration.seats import add_counters, lock_seats
from forsamling.registration.services import fill_waiting_lists_in_transaction


@admin.register(Speaker)
class SpeakerAdmin(ModelAdmin):
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "title", "organisation"]


@admin.register(Room)
class RoomAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["name", "edition", "capacity"]
    list_filter = ["edition"]


@admin.register(Track)
class TrackAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["name", "edition", "order"]
    list_filter = ["edition"]


@admin.register(Day)
class DayAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["__str__", "edition", "moderator"]
    list_filter = ["edition"]
    autocomplete_fields = ["moderator"]


@admin.register(EditionModerator)
class EditionModeratorAdmin(EditionScopedAdminMixin, ModelAdmin):
    list_display = ["edition", "speaker"]
    autocomplete_fields = ["speaker"]


class ItemSpeakerInline(TabularInline):
    model = ItemSpeaker
    extra = 0
    autocomplete_fields = ["speaker"]


class SessionSpeakerInline(TabularInline):
    model = SessionSpeaker
    extra = 0
    autocomplete_fields = ["speaker"]


@admin.register(Item)
class ItemAdmin(EditionScopedAdminMixin, ModelAdmin):
    form = ItemForm
    list_display = ["title", "kind", "day", "starts_at", "ends_at", "track", "room", "parent"]
    list_filter = ["edition", "day", "kind", "track"]
    search_fields = ["title", "description"]
    ordering = ["edition", "day__date", "starts_at", "order"]
    list_select_related = ["day", "track", "room", "parent"]
    inlines = [ItemSpeakerInline]
    fields = [
        "edition", "day", "parent", "kind", "starts_at", "ends_at", "title", "description",
        "note", "track", "room", "speakers_suffix", "speaker_tba", "order",
    ]  # fmt: skip

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """Filtered to one edition, the list starts with the warnings about its programme."""
        edition_id = request.GET.get("edition__id__exact", "")
        editions = organised_editions(request.user)
        edition = editions.filter(pk=edition_id).first() if edition_id.isdigit() else None
        extra_context = {**(extra_context or {}), "programme_edition": edition}
        if edition is not None:
            extra_context["programme_conflicts"] = draft_conflicts(edition)
        return super().changelist_view(request, extra_context)


@admin.register(Session)
class SessionAdmin(EditionScopedAdminMixin, ModelAdmin):
    form = SessionForm
    edition_path = "slot__edition"
    list_display = ["__str__", "kind", "slot", "audience", "room", "capacity", "is_cancelled"]
    list_filter = ["slot__edition", "kind", "audience", "is_cancelled"]
    search_fields = ["title", "description"]
    list_select_related = ["slot", "room"]
    inlines = [SessionSpeakerInline]

    def save_model(self, request: HttpRequest, obj: Session, form: Any, change: bool) -> None:
        """More seats go to the first in line at once (the admin saves in one transaction).

        A change of seats, a cancellation or a move to another slot (which may be allocated by
        a preference round) first locks the session's seat counter, as every
        registration does before it reads them: registrations then see the change at once,
        and the two never wait on each other crosswise."""
        if change and {"capacity", "is_cancelled", "slot"} & set(form.changed_data):
            lock_seats([obj.pk])
        super().save_model(request, obj, form, change)
        if not change:
            add_counters([obj.pk])
        if change and "capacity" in form.changed_data:
            promoted = fill_waiting_lists_in_transaction(
                sessions=[obj], actor=audit.organiser(request.user.get_username())
            )
            if promoted:
                self.message_user(
                    request,
                    _("%(count)s på ventelisten har fået plads og får besked på e-mail.")
                    % {"count": promoted},
                )


@admin.register(ProgrammeVersion)
class ProgrammeVersionAdmin(EditionScopedAdminMixin, ModelAdmin):
    """Published versions are frozen: they are made by "Tjek og offentliggør", never edited."""

    list_display = ["edition", "number", "comment", "publish_at", "created_at", "created_by"]
    list_filter = ["edition"]
    readonly_fields = ["edition", "number", "comment", "publish_at", "created_at", "created_by"]
    exclude = ["snapshot"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_urls(self) -> list[Any]:
        publish = self.admin_site.admin_view(managed(self.publish_view))
        return [
            path("offentliggoer/", publish, name="programme_programmeversion_publish"),
            *super().get_urls(),
        ]

    def publish_view(self, request: HttpRequest) -> HttpResponse:
        """Check the draft of an edition and publish it as the next version."""
        form = PublishProgrammeForm(request.POST or None, initial=request.GET)
        editions = organised_editions(request.user)
        form.fields["edition"].queryset = editions  # type: ignore[attr-defined]
        edition = None
        if form.is_bound and form.is_valid():
            edition = form.cleaned_data["edition"]
            version = publish_and_announce(
                edition=edition,
                comment=form.cleaned_data["comment"],
                publish_at=form.cleaned_data["publish_at"],
                user=request.user,
            )
            self.message_user(
                request,
                _("Version %(number)s af programmet for %(edition)s er gemt.")
                % {"number": version.number, "edition": edition},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:programme_programmeversion_changelist"))
        edition_id = request.GET.get("edition") or request.POST.get("edition")
        if edition_id and str(edition_id).isdigit():
            edition = editions.filter(pk=edition_id).first()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Tjek og offentliggør programmet"),
            "form": form,
            "edition": edition,
            "conflicts": draft_conflicts(edition) if edition else None,
        }
        return TemplateResponse(request, "admin/programme/programmeversion/publish.html", context)
