"""The venue plan's form: the floor plan image, its description, and each room's place on it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forsamling.core.form_fields import text_field
from forsamling.core.validators import SafeTextMixin
from forsamling.exhibitors.images import validate_image, with_detected_extension
from forsamling.programme.models import Room, VenuePlan
from forsamling.programme.venue_plans import Position


def _percent(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        decimal_places=2,
        max_digits=5,
        required=False,
        localize=True,
    )


class VenuePlanForm(SafeTextMixin, forms.Form):
    image = forms.FileField(
        label=_("Plantegning"),
        required=False,
        help_text=_("PNG, JPEG eller WebP, højst 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    description = text_field(
        _("Beskrivelse af plantegningen"),
        300,
        help_text=_("Læses op for dem, der ikke kan se billedet, fx hvor salene ligger."),
    )

    def __init__(self, *args: Any, plan: VenuePlan | None, rooms: list[Room], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.plan, self.rooms = plan, rooms
        if plan is None:
            self.fields["image"].required = True
        for room in rooms:
            self.fields[f"x_{room.pk}"] = _percent(
                _("%(room)s: vandret (%%)") % {"room": room.name}
            )
            self.fields[f"y_{room.pk}"] = _percent(_("%(room)s: lodret (%%)") % {"room": room.name})

    def room_rows(self) -> list[tuple[Room, Any, Any]]:
        return [(room, self[f"x_{room.pk}"], self[f"y_{room.pk}"]) for room in self.rooms]

    def clean_image(self) -> Any:
        image = self.cleaned_data.get("image")
        if image:
            validate_image(image)
            return with_detected_extension(image)
        return None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for room in self.rooms:
            x, y = cleaned.get(f"x_{room.pk}"), cleaned.get(f"y_{room.pk}")
            errors = self.has_error(f"x_{room.pk}") or self.has_error(f"y_{room.pk}")
            if (x is None) != (y is None) and not errors:
                field = f"y_{room.pk}" if y is None else f"x_{room.pk}"
                self.add_error(
                    field, _("Skriv både vandret og lodret placering, eller ingen af dem.")
                )
        return cleaned

    def positions(self) -> dict[int, Position]:
        found: dict[int, Position] = {}
        for room in self.rooms:
            x, y = self.cleaned_data.get(f"x_{room.pk}"), self.cleaned_data.get(f"y_{room.pk}")
            found[room.pk] = (x, y) if x is not None and y is not None else None
        return found
