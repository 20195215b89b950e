"""The back office for the list of public buyers (municipalities and regions): the address,
CVR and main EAN an invoice takes when a registration gives none. Organisers keep it up to
date; it is shared by every edition."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from forsamling.backoffice.admin_scoping import ModelAdmin
from forsamling.domain.ean import normalise_ean
from forsamling.invoicing.forms import checked_cvr, checked_ean
from forsamling.invoicing.models import PublicBuyer


class PublicBuyerForm(forms.ModelForm):
    class Meta:
        model = PublicBuyer
        fields = ["name", "short_name", "kind", "cvr", "ean", "street", "postcode", "city"]

    def clean_ean(self) -> str:
        return checked_ean(normalise_ean(self.cleaned_data["ean"]))

    def clean_cvr(self) -> str:
        return checked_cvr(self.cleaned_data["cvr"].strip(), required=False)

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
