"""The text field most forms have, in one line: a text of at most so many characters, on one
line or in a text area of some rows, with its help text and what an empty required field says."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms

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
