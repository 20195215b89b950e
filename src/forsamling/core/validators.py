"""Text that cannot hide anything: one rule for every text field of every form.

Control characters (a stray `\\x01` from a pasted document breaks XLSX exports and can fool
terminals) and the Unicode direction overrides and isolates (which make "gpj.exe" look like
"exe.jpg") are refused with a clear Danish message. Tabs and line breaks are allowed in a
multi-line field (a textarea) and refused in a one-line field. `SafeTextMixin` puts the
validator on every text field of a form, so forms need only name it among their bases.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# C0 and C1 controls and DEL; the bidirectional embeddings, overrides and isolates.
_DIRECTION = "\u202a-\u202e\u2066-\u2069"
_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_DIRECTION}]")
_MULTI_LINE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_DIRECTION}]")

MESSAGE = _(
    "Feltet indeholder et usynligt styretegn (%(character)s), som ikke kan bruges. "
    "Det kommer ofte med, når tekst kopieres fra et andet program. "
    "Slet det, eller skriv teksten igen."
)
LINE_BREAK = _("Feltet må kun have én linje. Fjern linjeskift og tabulatortegn.")


def _name(character: str) -> str:
    return f"U+{ord(character):04X}" + (
        f" {unicodedata.name(character)}" if unicodedata.name(character, "") else ""
    )


class PlainTextValidator:
    """Refuses control characters and direction overrides; `multiline` allows tab and
    line breaks."""

    code = "control_character"

    def __init__(self, *, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: Any) -> None:
        if not isinstance(value, str):
            return
        found = (_MULTI_LINE if self.multiline else _ONE_LINE).search(value)
        if found is None:
            return
        if found.group() in "\t\n\r":
            raise ValidationError(LINE_BREAK, code="line_break")
        raise ValidationError(MESSAGE, code=self.code, params={"character": _name(found.group())})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlainTextValidator) and other.multiline == self.multiline

    def __hash__(self) -> int:
        return hash((type(self), self.multiline))

    def deconstruct(self) -> tuple[str, tuple[()], dict[str, bool]]:
        return ("forsamling.core.validators.PlainTextValidator", (), {"multiline": self.multiline})


def is_plain(value: str, *, multiline: bool = False) -> bool:
    return (_MULTI_LINE if multiline else _ONE_LINE).search(value) is None


def protect(form_fields: dict[str, forms.Field]) -> None:
    """Puts the validator on each text field (a textarea's allows tabs and line breaks)."""
    for field in form_fields.values():
        if isinstance(field, forms.CharField) and not any(
            isinstance(v, PlainTextValidator) for v in field.validators
        ):
            multiline = isinstance(field.widget, forms.Textarea)
            field.validators.append(PlainTextValidator(multiline=multiline))


class SafeTextMixin:
    """For a form or model form: every text field refuses control characters, those added
    in `__init__` too (the validator goes on this form's own copies when it is validated),
    and a choice of rows refuses an id no database can hold as an invalid choice instead of
    a 500 (SQLite cannot even compare a 20-digit number)."""

    fields: dict[str, forms.Field]
    data: Any
    is_bound: bool

    def full_clean(self) -> None:
        protect(self.fields)
        if self.is_bound:
            self._no_absurd_ids()
        super().full_clean()  # type: ignore[misc]

    def _no_absurd_ids(self) -> None:
        changed = None
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField) or field.to_field_name:
                continue
            if field.queryset is None or not isinstance(
                field.queryset.model._meta.pk, models.IntegerField
            ):
                continue
            key = self.add_prefix(name)  # type: ignore[attr-defined]
            querydict = hasattr(self.data, "getlist")
            raw = self.data.getlist(key) if querydict else self.data.get(key)
            values = raw if isinstance(raw, list | tuple) else [raw]
            if all(v in (None, "") or parse_id(v) is not None for v in values):
                continue
            # Id 0 is never a row's: the field answers with its own "invalid choice".
            safe = [v if v in (None, "") or parse_id(v) is not None else "0" for v in values]
            changed = changed if changed is not None else self.data.copy()
            if querydict:
                changed.setlist(key, safe)
            else:
                changed[key] = safe if isinstance(raw, list | tuple) else safe[0]
        if changed is not None:
            self.data = changed


MAX_ID = 2**63 - 1  # the largest primary key PostgreSQL and SQLite hold


def parse_id(value: object) -> int | None:
    """A row id typed into a form or URL, or None: digits only, small enough for the database
    (a 20-digit number overflows SQLite's integers and would be a 500)."""
    text = str(value) if value is not None else ""
    if not text.isascii() or not text.isdigit() or len(text) > 19 or int(text) > MAX_ID:
        return None
    return int(text)
