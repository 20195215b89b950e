from django.contrib import admin

from forsamling.programme.models import (
    Day,
    EditionModerator,
    Item,
    ItemSpeaker,
    Room,
    Session,
    SessionSpeaker,
    Speaker,
    Track,
)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organisation"]
    search_fields = ["name", "title", "organisation"]


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "capacity"]
    list_filter = ["edition"]


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "order"]
    list_filter = ["edition"]


@admin.register(Day)
class DayAdmin(admin.ModelAdmin):
    list_display = ["__str__", "edition", "moderator"]
    list_filter = ["edition"]
    autocomplete_fields = ["moderator"]


@admin.register(EditionModerator)
class EditionModeratorAdmin(admin.ModelAdmin):
    list_display = ["edition", "speaker"]
    autocomplete_fields = ["speaker"]


class ItemSpeakerInline(admin.TabularInline):
    model = ItemSpeaker
    extra = 0
    autocomplete_fields = ["speaker"]


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 0
    autocomplete_fields = ["speaker"]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "day", "starts_at", "ends_at", "track", "room", "parent"]
    list_filter = ["edition", "day", "kind", "track"]
    search_fields = ["title", "description"]
    ordering = ["edition", "day__date", "starts_at", "order"]
    list_select_related = ["day", "track", "room", "parent"]
    inlines = [ItemSpeakerInline]
    fields = [
        "edition", "day", "parent", "kind", "starts_at", "ends_at", "title", "description",
        "note", "track", "room", "speakers_suffix", "speaker_tba", "order",
    ]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "slot", "audience", "room", "capacity", "is_cancelled"]
    list_filter = ["slot__edition", "kind", "audience", "is_cancelled"]
    search_fields = ["title", "description"]
    list_select_related = ["slot", "room"]
    inlines = [SessionSpeakerInline]
