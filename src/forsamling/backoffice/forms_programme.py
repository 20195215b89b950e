"""The organisers' programme forms: publishing, and an item's or a session's choices of its
own edition."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition
from forsamling.core.form_fields import text_field
from forsamling.core.validators import SafeTextMixin
from forsamling.programme.models import Item, Session


class PublishProgrammeForm(SafeTextMixin, forms.Form):
    edition = forms.ModelChoiceField(
        label=_("Udgave"), queryset=Edition.objects.order_by("-start_date")
    )
    comment = text_field(
        _("Kommentar"),
        300,
        required=False,
        help_text=_("Vises på siden Ændringer, f.eks. 'Første version' eller 'Nye oplægsholdere'."),
    )
    publish_at = forms.SplitDateTimeField(
        label=_("Offentliggøres"),
        required=False,
        widget=forms.SplitDateTimeWidget(
            # Lazy, so each request's language names them; the stubs want plain strings.
            date_attrs={"type": "date", "aria-label": _("Offentliggøres, dato")},  # type: ignore[dict-item]
            time_attrs={"type": "time", "aria-label": _("Offentliggøres, klokkeslæt")},  # type: ignore[dict-item]
        ),
        help_text=_("Tomt: med det samme. Ellers på det valgte tidspunkt (dansk tid)."),
    )


def _limit(field: forms.Field, queryset: QuerySet[Any]) -> None:
    """Narrows a choice field's options, also inside the admin's wrapper around its widget."""
    field.queryset = queryset  # type: ignore[attr-defined]
    inner = getattr(field.widget, "widget", None)
    if inner is not None:
        inner.choices = field.choices  # type: ignore[attr-defined]


class ItemForm(forms.ModelForm):
    """An item's day, theme block, track and room are of the item's own edition: the menus
    offer only those (once the edition is known), and a choice from another is refused."""

    SAME_EDITION = {
        "day": _("Vælg en dag fra samme udgave som punktet."),
        "parent": _("Vælg en temablok fra samme udgave som punktet."),
        "track": _("Vælg et spor fra samme udgave som punktet."),
        "room": _("Vælg et lokale fra samme udgave som punktet."),
    }

    class Meta:
        model = Item
        fields = [
            "edition", "day", "parent", "kind", "starts_at", "ends_at", "title", "description",
            "note", "track", "room", "speakers_suffix", "speaker_tba", "order",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        edition = self.instance.edition_id or self.initial.get("edition")
        if not edition:
            return
        for name in self.SAME_EDITION:
            field = self.fields.get(name)
            if field is not None:
                queryset = field.queryset.filter(edition=edition)  # type: ignore[attr-defined]
                _limit(field, queryset)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        edition = data.get("edition")
        for name, message in self.SAME_EDITION.items():
            chosen = data.get(name)
            if edition is not None and chosen is not None and chosen.edition_id != edition.pk:
                self.add_error(name, message)
        return data


class SessionForm(forms.ModelForm):
    """A session's breakout and room are of one edition: once the session has a breakout,
    the menus offer that edition's breakouts and rooms, and a room of another is refused."""

    class Meta:
        model = Session
        fields = [
            "slot", "kind", "number", "title", "subtitle", "description", "audience", "room",
            "capacity", "meet_label", "is_cancelled", "order",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        slot = getattr(self.instance, "slot", None) if self.instance.slot_id else None
        if slot is None:
            return
        if "slot" in self.fields:
            breakouts = self.fields["slot"].queryset.filter(edition=slot.edition_id)  # type: ignore[attr-defined]
            _limit(self.fields["slot"], breakouts)
        if "room" in self.fields:
            rooms = self.fields["room"].queryset.filter(edition=slot.edition_id)  # type: ignore[attr-defined]
            _limit(self.fields["room"], rooms)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        slot, room = data.get("slot"), data.get("room")
        if slot is not None and room is not None and room.edition_id != slot.edition_id:
            self.add_error("room", _("Vælg et lokale fra samme udgave som break outen."))
        return data
