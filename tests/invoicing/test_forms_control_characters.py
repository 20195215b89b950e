"""The form that completes a public buyer's draft refuses control characters, as every text
form does: the reference goes into the Peppol XML, where U+0001 is not even allowed."""

from __future__ import annotations

import pytest

from forsamling.invoicing.forms import CompleteDraftForm


@pytest.mark.parametrize("character", ["\x01", "\x1b", "\u202e", "\n"])
def test_the_draft_completion_refuses_control_characters(character):
    form = CompleteDraftForm(
        {"ean": "", "reference": f"Ordre{character}42", "street": "", "postcode": "", "city": ""},
        missing=["reference"],
    )
    assert not form.is_valid()
    assert "reference" in form.errors


def test_the_draft_completion_takes_a_plain_reference():
    form = CompleteDraftForm(
        {"ean": "", "reference": "Ordre 42", "street": "", "postcode": "", "city": ""},
        missing=["reference"],
    )
    assert form.is_valid(), form.errors
