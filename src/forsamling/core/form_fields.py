"""The fields most forms have, in one line each: a text of at most so many characters, on one
line or in a text area of some rows, with its help text and what an empty required field says;
and a date and time in the browser's own picker."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def text_field(
    label: StrOrPromise,
    max_length: int,
    *,
    required: bool = True,
    help_text: StrOrPromise = "",
    rows: int | None = None,
    required_error: StrOrPromise | None = None,
) -> forms.CharField:
    options: dict[str, Any] = {}
    if rows is not None:
        options["widget"] = forms.Textarea(attrs={"rows": rows})
    if required_error is not None:
        options["error_messages"] = {"required": required_error}
    return forms.CharField(
        label=label, max_length=max_length, required=required, help_text=help_text, **options
    )


# The value a datetime-local input shows and sends back; what a person types into a browser
# without the picker is read too (Django itself reads ISO 8601 with a space or a T).
DATETIME_LOCAL = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_LOCAL_FORMATS = ["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y %H.%M"]


def datetime_field(
    label: StrOrPromise, *, required: bool = True, help_text: StrOrPromise = ""
) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DATETIME_LOCAL,
        input_formats=DATETIME_LOCAL_FORMATS,
        error_messages={"invalid": _("Skriv dato og tid som 31.12.2026 12:00.")},
    )
