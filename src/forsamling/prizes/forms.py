"""The nomination form and the jury's forms. Every field is optional here: a draft may lack
anything; what a submission needs is the domain's rule (`check_complete`). A field that is
given must be well-formed, and the valid files are kept even when another field is wrong."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from forsamling.core.form_fields import text_field
from forsamling.core.validators import SafeTextMixin
from forsamling.domain.danish import danish_sorted
from forsamling.domain.prizes import SCORE_MAX, SCORE_MIN
from forsamling.prizes.attachments import MAX_ATTACHMENTS, Checked, check_attachment
from forsamling.prizes.models import Criterion, Nomination
from forsamling.programme.models import Item
from forsamling.registration.organisations import MUNICIPALITIES, municipality_name

PHONE = re.compile(r"^\+?[0-9 ]{8,15}$")


def municipality_choices() -> list[tuple[str, Any]]:
    return [("", _("Vælg kommune"))] + [
        (name, municipality_name(name)) for name in danish_sorted(MUNICIPALITIES)
    ]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once; each is checked in `NominationForm.clean_files`."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        return data


class NominationForm(SafeTextMixin, forms.Form):
    municipality = forms.ChoiceField(
        label=_("Kommunen bag projektet"), required=False, choices=municipality_choices
    )
    nominator_municipality = forms.ChoiceField(
        label=_("Indstillet af"),
        required=False,
        choices=municipality_choices,
        help_text=_("En kommune kan indstille sit eget projekt eller en anden kommunes."),
    )
    project_title = text_field(_("Projektets navn"), 200, required=False)
    description = text_field(
        _("Beskrivelse af projektet"),
        6000,
        required=False,
        help_text=_("Hvad gør I, for hvem, og hvordan hænger det sammen med årets tema?"),
        rows=8,
    )
    results = text_field(
        _("Resultater"),
        4000,
        required=False,
        help_text=_("Hvad har projektet opnået indtil nu? Tal og erfaringer."),
        rows=6,
    )
    contact_name = text_field(_("Kontaktperson"), 200, required=False)
    contact_title = text_field(_("Stilling"), 200, required=False)
    contact_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        error_messages={"invalid": _("Skriv en gyldig e-mailadresse, f.eks. navn@kommune.dk.")},
        help_text=_("Vi sender det personlige link og kvitteringen hertil."),
    )
    contact_phone = text_field(_("Telefon"), 30, required=False)
    publish_consent = forms.BooleanField(
        label=_(
            "Projektet og kontaktpersonens navn, stilling og e-mail må vises i KL's "
            "inspirationskatalog (på sitet og som PDF)"
        ),
        required=False,
    )
    attachments = MultipleFileField(
        label=_("Bilag"),
        required=False,
        widget=MultipleFileInput(),
        help_text=_("PDF eller billeder (PNG, JPEG, WebP), højst 10 MB pr. fil og %(max)s filer.")
        % {"max": MAX_ATTACHMENTS},
    )

    def __init__(self, *args: Any, existing_files: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.existing_files = existing_files
        self.checked_files: list[Checked] = []

    def clean_contact_phone(self) -> str:
        phone = str(self.cleaned_data.get("contact_phone") or "").strip()
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Skriv telefonnummeret med cifre, f.eks. 33 70 33 70."))
        return phone

    def clean_attachments(self) -> list[Checked]:
        """Checks each file; the good ones are kept in `checked_files` even if one is bad."""
        uploads = self.files.getlist(self.add_prefix("attachments")) if self.files else []
        errors: list[ValidationError] = []
        room = MAX_ATTACHMENTS - self.existing_files
        for upload in uploads:
            try:
                checked = check_attachment(upload)
            except ValidationError as error:
                errors.append(error)
                continue
            if len(self.checked_files) >= room:
                errors.append(
                    ValidationError(
                        _("%(name)s er ikke gemt: der kan højst være %(max)s bilag."),
                        params={"name": upload.name, "max": MAX_ATTACHMENTS},
                    )
                )
                continue
            self.checked_files.append(checked)
        if errors:
            raise ValidationError(errors)
        return self.checked_files

    def valid_values(self) -> dict[str, Any]:
        """The fields that were filled in correctly (call after is_valid)."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name != "attachments" and name not in self.errors
        }

    def has_content(self) -> bool:
        return bool(self.checked_files) or any(
            value for name, value in self.valid_values().items() if name != "publish_consent"
        )

    @classmethod
    def initial_from(cls, nomination: Nomination) -> dict[str, Any]:
        return {
            name: getattr(nomination, name) for name in cls.base_fields if name != "attachments"
        }


class ScoreForm(SafeTextMixin, forms.Form):
    """A juror's scores: a value 1–5 and a comment per criterion, and an overall comment."""

    comment = forms.CharField(
        label=_("Samlet kommentar"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        choices = [(str(v), str(v)) for v in range(SCORE_MIN, SCORE_MAX + 1)]
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.title,
                help_text=criterion.text,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Vælg en score fra 1 til 5.")},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Kommentar til %(criterion)s") % {"criterion": criterion.title},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict[int, tuple[int | None, str]]:
        return {
            c.pk: (
                self.cleaned_data.get(f"score_{c.pk}"),
                self.cleaned_data.get(f"comment_{c.pk}", ""),
            )
            for c in self.criteria
        }


class ConflictForm(SafeTextMixin, forms.Form):
    reason = text_field(
        _("Hvorfor er du inhabil?"), 300, required_error=_("Skriv kort, hvorfor du er inhabil.")
    )


class ProgrammeItemForm(SafeTextMixin, forms.Form):
    item = forms.ModelChoiceField(
        label=_("Præsenteres i programpunktet"), queryset=Item.objects.none(), required=False
    )

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = Item.objects.filter(  # type: ignore[attr-defined]
            edition=edition, kind__in=["prize_nominees", "prize_award"]
        ).order_by("day__date", "starts_at")
