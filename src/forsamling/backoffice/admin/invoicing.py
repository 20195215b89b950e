"""The back office for the list of public buyers (municipalities and regions): the address,
CVR and main EAN an invoice takes when a registration gives none. Organisers keep it up to
date; it is shared by every edition."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from forsamling.backoffice.admin_scoping import ModelAdmin
from forsamling.domain.ean import is_valid_gln, normalise_ean
from forsamling.domain.stands import InvalidCVR, validate_cvr
from forsamling.invoicing.models import PublicBuyer


class PublicBuyerForm(forms.ModelForm):
    class Meta:
        model = PublicBuyer
        fields = ["name", "short_name", "kind", "cvr", "ean", "street", "postcode", "city"]

    def clean_ean(self) -> str:
        value = normalise_ean(self.cleaned_data["ean"])
        if value and not is_valid_gln(value):
            raise forms.ValidationError(
                _("EAN-nummeret skal være 13 cifre med rigtigt kontrolciffer og ikke kun nuller."),
                code="invalid_ean",
            )
        return value

    def clean_cvr(self) -> str:
        value = self.cleaned_data["cvr"].strip()
        if not value:
            return ""
        try:
            return validate_cvr(value)
        except InvalidCVR:
            raise forms.ValidationError(
                _("CVR-nummeret skal være 8 cifre og findes i CVR-registret. Tjek det igen."),
                code="invalid_cvr",
            ) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        postcode = data.get("postcode", "").strip()
        if postcode and not (len(postcode) == 4 and postcode.isdigit()):
            self.add_error("postcode", _("Et dansk postnummer er 4 cifre."))
        return data


@admin.register(PublicBuyer)
class PublicBuyerAdmin(ModelAdmin):
    form = PublicBuyerForm
    list_display = ["name", "kind", "cvr", "ean", "street", "postcode", "city"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "cvr", "ean", "city"]
    ordering = ["kind", "name"]
