"""What the API answers, field by field: the OpenAPI document is made from these."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from forsamling.api.models import RemovedKind
from forsamling.checkin.models import CheckIn
from forsamling.conferences.models import Edition
from forsamling.exhibitors.models import Exhibitor, Stand
from forsamling.invoicing.models import Invoice
from forsamling.registration.models import Category, Choice, Registration

# ---- public: editions, the published programme, exhibitors --------------------------------


class EditionSerializer(serializers.ModelSerializer[Edition]):
    programme_version = serializers.IntegerField(
        allow_null=True, read_only=True, help_text="The published programme's version, if any."
    )

    class Meta:
        model = Edition
        fields = [
            "slug", "year", "title", "tagline", "is_demo", "start_date", "end_date", "venue",
            "city", "registration_opens_at", "registration_closes_at", "programme_version",
            "updated_at",
        ]  # fmt: skip


class SpeakerSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.CharField()
    name = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    organisation = serializers.CharField(allow_blank=True)
    bio = serializers.CharField(allow_blank=True)


class RoomSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.CharField()
    name = serializers.CharField()
    capacity = serializers.IntegerField(allow_null=True)


class TrackSerializer(serializers.Serializer[dict[str, Any]]):
    key = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)


SPEAKER_IDS_OR_OBJECTS = {
    "type": "array",
    "items": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Speaker"}]},
    "description": "Speaker ids; the speakers in full with `?expand=speakers`.",
}
ROOM_ID_OR_OBJECT = {
    "anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Room"}],
    "nullable": True,
    "description": "The room's id; the room in full with `?expand=room`.",
}


@extend_schema_field(SPEAKER_IDS_OR_OBJECTS)
class SpeakersField(serializers.JSONField):
    pass


@extend_schema_field(ROOM_ID_OR_OBJECT)
class RoomField(serializers.JSONField):
    pass


class ProgrammeSessionSerializer(serializers.Serializer[dict[str, Any]]):
    uid = serializers.UUIDField()
    kind = serializers.CharField()
    number = serializers.IntegerField(allow_null=True)
    title = serializers.CharField()
    subtitle = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    audience = serializers.CharField()
    room = serializers.CharField(allow_null=True)
    capacity = serializers.IntegerField(allow_null=True)
    speakers = serializers.ListField(child=serializers.CharField())
    cancelled = serializers.BooleanField()
    seats_left = serializers.IntegerField(
        allow_null=True, help_text="Seats left now; null when the session has no limit."
    )


class SessionSerializer(ProgrammeSessionSerializer):
    """A session in the flat list, with its slot's day and times."""

    slot = serializers.UUIDField(help_text="The uid of the breakout item the session is in.")
    date = serializers.DateField()
    start = serializers.CharField(allow_null=True, help_text="HH:MM, local time.")
    end = serializers.CharField(allow_null=True, help_text="HH:MM, local time.")
    room = RoomField(allow_null=True)
    speakers = SpeakersField()


class ChildItemSerializer(serializers.Serializer[dict[str, Any]]):
    uid = serializers.UUIDField()
    kind = serializers.CharField()
    start = serializers.CharField(allow_null=True, help_text="HH:MM, local time.")
    end = serializers.CharField(allow_null=True, help_text="HH:MM, local time.")
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)
    track = serializers.CharField(allow_null=True, help_text="The track's key.")
    room = serializers.CharField(allow_null=True)
    speakers = serializers.ListField(child=serializers.CharField())
    speakers_suffix = serializers.CharField(allow_blank=True)
    speaker_tba = serializers.BooleanField()
    sessions = ProgrammeSessionSerializer(many=True)


class ItemSerializer(ChildItemSerializer):
    children = ChildItemSerializer(many=True, help_text="A theme block's talks.")


class DaySerializer(serializers.Serializer[dict[str, Any]]):
    date = serializers.DateField()
    title = serializers.CharField(allow_blank=True)
    moderator = serializers.CharField(allow_null=True)
    items = ItemSerializer(many=True)


class ProgrammeSerializer(serializers.Serializer[dict[str, Any]]):
    edition = serializers.CharField(help_text="The edition's slug.")
    version = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    moderator = serializers.CharField(allow_null=True)
    days = DaySerializer(many=True)
    speakers = SpeakerSerializer(many=True)
    rooms = RoomSerializer(many=True)
    tracks = TrackSerializer(many=True)


class StandSerializer(serializers.ModelSerializer[Stand]):
    class Meta:
        model = Stand
        fields = ["number", "size", "zone"]


class ExhibitorSerializer(serializers.ModelSerializer[Exhibitor]):
    stands = serializers.SerializerMethodField()

    class Meta:
        model = Exhibitor
        fields = ["id", "organisation", "description", "website", "stands"]

    @extend_schema_field(StandSerializer(many=True))
    def get_stands(self, exhibitor: Exhibitor) -> list[dict[str, Any]]:
        # The view prefetches the booked stands only.
        return StandSerializer(exhibitor.stands.all(), many=True).data


# ---- organisers: registrations, choices, waiting lists, check-ins, invoices ---------------


class CategorySerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = ["key", "name", "price", "is_politician", "is_health_council"]


class ChoiceSerializer(serializers.ModelSerializer[Choice]):
    slot = serializers.UUIDField(source="slot.uid", help_text="The breakout item's uid.")
    session = serializers.UUIDField(source="session.uid", help_text="The session's uid.")

    class Meta:
        model = Choice
        fields = [
            "id", "registration", "slot", "session", "status", "created_at", "confirmed_at",
            "updated_at",
        ]  # fmt: skip


class WaitingListEntrySerializer(serializers.ModelSerializer[Choice]):
    session = serializers.UUIDField(source="session.uid", help_text="The session's uid.")
    position = serializers.IntegerField(help_text="1 is next in line for a seat.")

    class Meta:
        model = Choice
        fields = ["id", "registration", "session", "position", "created_at", "updated_at"]


CATEGORY_KEY_OR_OBJECT = {
    "anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Category"}],
    "description": "The category's key; the category in full with `?expand=category`.",
}


@extend_schema_field(CATEGORY_KEY_OR_OBJECT)
class CategoryField(serializers.JSONField):
    pass


class RegistrationSerializer(serializers.ModelSerializer[Registration]):
    """A participant, without their dietary and accessibility needs (health data)."""

    category = CategoryField()
    track = serializers.CharField(source="track.key", allow_null=True, default=None)
    checked_in_at = serializers.DateTimeField(allow_null=True)
    choices = ChoiceSerializer(many=True, required=False, help_text="Only with `?expand=choices`.")

    class Meta:
        model = Registration
        fields = [
            "id", "status", "name", "email", "phone", "organisation", "job_title", "category",
            "track", "committee", "dinner", "list_consent", "group", "created_at", "updated_at",
            "cancelled_at", "checked_in_at", "choices",
        ]  # fmt: skip

    def to_representation(self, instance: Registration) -> dict[str, Any]:
        expand = self.context.get("expand", set())
        data = super().to_representation(instance)
        data["category"] = (
            CategorySerializer(instance.category).data
            if "category" in expand
            else instance.category.key
        )
        if "choices" not in expand:
            data.pop("choices", None)
        return data


class CheckInSerializer(serializers.ModelSerializer[CheckIn]):
    checked_in_at = serializers.DateTimeField(source="at")

    class Meta:
        model = CheckIn
        fields = ["registration", "checked_in_at", "device"]


class RemovedSerializer(serializers.Serializer[dict[str, Any]]):
    kind = serializers.ChoiceField(choices=RemovedKind.choices)
    id = serializers.IntegerField(source="object_id", help_text="The removed row's id.")
    removed_at = serializers.DateTimeField()
    reason = serializers.ChoiceField(
        choices=[("deleted", "deleted"), ("erased", "erased")],
        help_text="deleted: the row is gone; erased: the person was erased (anonymised).",
    )


class CheckInRequestSerializer(serializers.Serializer[dict[str, Any]]):
    registration = serializers.IntegerField(
        required=False, min_value=1, help_text="The registration's id."
    )
    code = serializers.CharField(
        required=False, max_length=200, help_text="The code on the badge (its QR code)."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("registration" in attrs) == ("code" in attrs):
            raise serializers.ValidationError(
                _("Send enten registration (tilmeldingens id) eller code (koden fra navneskiltet).")
            )
        return attrs


class CheckInResultSerializer(serializers.Serializer[dict[str, Any]]):
    registration = serializers.IntegerField()
    checked_in_at = serializers.DateTimeField()
    already = serializers.BooleanField(
        help_text="True when the participant had already been checked in (at checked_in_at)."
    )


class InvoiceSerializer(serializers.ModelSerializer[Invoice]):
    """An invoice's head and totals; its lines name people and stay in the back office."""

    total_without_vat = serializers.DecimalField(
        max_digits=12, decimal_places=2, source="api_totals.without_vat"
    )
    vat = serializers.DecimalField(max_digits=12, decimal_places=2, source="api_totals.vat")
    total_with_vat = serializers.DecimalField(
        max_digits=12, decimal_places=2, source="api_totals.with_vat"
    )

    class Meta:
        model = Invoice
        fields = [
            "id", "number", "kind", "state", "issue_date", "due_date", "buyer_name",
            "buyer_cvr", "buyer_ean", "buyer_is_public", "order_reference", "credits",
            "total_without_vat", "vat", "total_with_vat", "created_at", "issued_at", "sent_at",
            "updated_at",
        ]  # fmt: skip

    def to_representation(self, instance: Invoice) -> dict[str, Any]:
        instance.api_totals = instance.totals(list(instance.lines.all()))  # type: ignore[attr-defined]
        return super().to_representation(instance)


class ErrorSerializer(serializers.Serializer[dict[str, Any]]):
    detail = serializers.CharField()
