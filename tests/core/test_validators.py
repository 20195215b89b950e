"""One rule for text in every form: no control characters, no direction overrides."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from forsamling.core.validators import PlainTextValidator, SafeTextMixin, is_plain, parse_id


class Example(SafeTextMixin, forms.Form):
    name = forms.CharField()
    note = forms.CharField(widget=forms.Textarea, required=False)
    email = forms.EmailField(required=False)


@pytest.mark.parametrize(
    "value", ["Mette\x01Hansen", "Ærø\x7f", "a\x85b", "gpj.\u202eexe", "x\u2066y\u2069", "\x00"]
)
def test_control_characters_and_direction_overrides_are_refused_in_danish(value):
    form = Example({"name": value, "note": value})
    assert not form.is_valid()
    for field in ("name", "note"):  # (a NUL also gets Django's own message)
        assert any("usynligt styretegn" in m and "U+" in m for m in form.errors[field])


def test_a_multi_line_field_takes_tabs_and_line_breaks_a_one_line_field_does_not():
    form = Example({"name": "Mette\tHansen", "note": "Linje 1\r\nLinje 2\tmed tab"})
    assert not form.is_valid()
    assert list(form.errors) == ["name"]
    assert form.errors["name"] == [
        "Feltet må kun have én linje. Fjern linjeskift og tabulatortegn."
    ]


def test_danish_letters_emoji_and_right_to_left_script_are_plain_text():
    form = Example({"name": "Åse Ørum-Ærø 😀 محمد", "note": "Æblegrød\n"})
    assert form.is_valid(), form.errors


def test_the_validator_is_on_each_forms_own_fields_not_on_the_class():
    form = Example({"name": "x"})
    form.is_valid()
    form.full_clean()
    validators = Example.base_fields["name"].validators
    assert not any(isinstance(v, PlainTextValidator) for v in validators)
    assert sum(isinstance(v, PlainTextValidator) for v in form.fields["name"].validators) == 1


def test_the_validator_ignores_what_is_not_text():
    PlainTextValidator()(None)
    with pytest.raises(ValidationError):
        PlainTextValidator(multiline=True)("\x0b")


@given(st.text())
def test_the_validator_refuses_exactly_what_is_not_plain(value):
    try:
        PlainTextValidator(multiline=True)(value)
    except ValidationError:
        assert not is_plain(value, multiline=True)
    else:
        assert is_plain(value, multiline=True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), ("0", 0), ("", None), (None, None), ("-1", None), ("1.5", None),
     ("99999999999999999999", None), ("9223372036854775807", 2**63 - 1), ("١٢", None)],
)  # fmt: skip
def test_an_id_is_digits_a_database_can_hold(value, expected):
    assert parse_id(value) == expected
