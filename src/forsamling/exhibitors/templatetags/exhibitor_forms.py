"""`{{ field|dkfds }}`: a widget with the design system's classes, its hint and error tied to it."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()

WIDGET_CLASSES = {
    "checkbox": "form-checkbox",
    "clearable_file": "form-file-input",
    "file": "form-file-input",
    "select": "form-select",
}


@register.filter
def dkfds(field: BoundField) -> SafeString:
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    attrs: dict[str, str | bool] = {"class": WIDGET_CLASSES.get(field.widget_type, "form-input")}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
