"""The organisers' form for an edition's retention, photo consent and privacy notice."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from forsamling.privacy.models import PrivacySettings


class PrivacyForm(forms.ModelForm):
    text = forms.CharField(
        label=_("Privatlivspolitik"),
        widget=forms.Textarea(attrs={"rows": 24, "cols": 90}),
        help_text=_(
            "Afsnit adskilles af en tom linje; en linje, der starter med # er en overskrift, "
            "og linjer, der starter med - er punkter. Datoerne for sletning sættes ind af sig selv."
        ),
    )
    list_consent_text = forms.CharField(label=_("Samtykke til deltagerlisten"), max_length=300)
    photo_consent_text = forms.CharField(label=_("Samtykke til fotos"), max_length=300)

    class Meta:
        model = PrivacySettings
        fields = ["needs_days", "personal_months", "invoice_years", "asks_photo_consent"]

    def clean_invoice_years(self) -> int:
        years: int = self.cleaned_data["invoice_years"]
        if years < 5:
            raise forms.ValidationError(
                _("Bogføringsloven kræver, at fakturaer gemmes i mindst 5 år.")
            )
        return years
