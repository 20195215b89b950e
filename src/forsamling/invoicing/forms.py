"""The organisers' forms: the seller's data and series, a buyer's details, a credit note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forsamling.core.validators import SafeTextMixin
from forsamling.domain.ean import is_valid_gln
from forsamling.domain.stands import InvalidCVR, validate_cvr
from forsamling.invoicing.models import Buyer, PaymentMeans, Seller


def checked_cvr(value: str, *, required: bool) -> str:
    """A CVR number as stored (empty where none is required and none was typed)."""
    if not value.strip() and not required:
        return ""
    try:
        return validate_cvr(value)
    except InvalidCVR:
        raise forms.ValidationError(
            _("CVR-nummeret skal være 8 cifre og findes i CVR-registret. Tjek det igen."),
            code="invalid_cvr",
        ) from None


def _postcode(value: str, *, required: bool) -> str:
    value = value.strip()
    if (value or required) and not (len(value) == 4 and value.isdigit()):
        raise forms.ValidationError(_("Et dansk postnummer er 4 cifre."), code="postcode")
    return value


def checked_ean(value: str) -> str:
    """A buyer's EAN as stored: empty, or a GLN (13 digits with the right check digit)."""
    if value and not is_valid_gln(value):
        raise forms.ValidationError(
            _("EAN-nummeret skal være 13 cifre med rigtigt kontrolciffer og ikke kun nuller."),
            code="invalid_ean",
        )
    return value


class SellerForm(SafeTextMixin, forms.ModelForm):
    class Meta:
        model = Seller
        fields = [
            "name", "street", "postcode", "city", "cvr", "contact_name", "contact_email",
            "contact_phone", "payment_means", "bank_branch", "bank_account",
            "payment_terms_days", "number_prefix",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cvr"].widget.attrs["inputmode"] = "numeric"
        self.fields["postcode"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "postal-code"}
        )
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        if self.instance.pk and self.instance.last_number:
            # Numbers already given keep their prefix: the series must stay one series.
            self.fields["number_prefix"].disabled = True
            self.fields["number_prefix"].help_text = _(
                "Kan ikke ændres, når der er udstedt fakturaer i serien."
            )

    def clean_cvr(self) -> str:
        return checked_cvr(self.cleaned_data["cvr"], required=True)

    def clean_postcode(self) -> str:
        return _postcode(self.cleaned_data["postcode"], required=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        means = data.get("payment_means")
        branch = "".join(str(data.get("bank_branch", "")).split())
        account = "".join(str(data.get("bank_account", "")).split())
        if means == PaymentMeans.BANK_ACCOUNT:
            if not (len(branch) == 4 and branch.isdigit()):
                self.add_error("bank_branch", _("Registreringsnummeret er 4 cifre, f.eks. 1551."))
            if not (account.isdigit() and 1 <= len(account) <= 10):
                self.add_error("bank_account", _("Kontonummeret er højst 10 cifre."))
        elif means == PaymentMeans.IBAN:
            if not (8 <= len(branch) <= 11 and branch.isalnum()):
                self.add_error("bank_branch", _("BIC er 8 eller 11 tegn, f.eks. DABADKKK."))
            if not (account[:2].isalpha() and account[2:].isalnum() and len(account) >= 15):
                self.add_error("bank_account", _("Skriv IBAN som DK50 0040 0440 1162 43."))
        data["bank_branch"], data["bank_account"] = branch.upper(), account.upper()
        return data


class BuyerForm(SafeTextMixin, forms.ModelForm):
    """Name and EAN come from the registrations (change them there); the rest is kept here."""

    class Meta:
        model = Buyer
        fields = [
            "cvr", "street", "postcode", "city", "email", "reference", "one_order_one_invoice",
            "electronic_format",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cvr"].widget.attrs["inputmode"] = "numeric"
        self.fields["postcode"].widget.attrs["inputmode"] = "numeric"

    def clean_cvr(self) -> str:
        return checked_cvr(self.cleaned_data["cvr"], required=False)

    def clean_postcode(self) -> str:
        return _postcode(self.cleaned_data["postcode"], required=False)


class CompleteDraftForm(SafeTextMixin, forms.Form):
    """What a public buyer's draft lacks: the fields it misses are required, the others may
    be left blank (they stay as they are)."""

    ean = forms.CharField(
        label=_("EAN-nummer"), max_length=20, required=False,
        help_text=_("13 cifre. Kommunens EAN-nummer til leverandørfakturaer (NemHandel)."),
    )  # fmt: skip
    reference = forms.CharField(
        label=_("Reference"), max_length=100, required=False,
        help_text=_(
            "Ordrenummer eller personreference, som kommunen skal bruge for at matche "
            "fakturaen. Gemmes som køberens faste reference."
        ),
    )  # fmt: skip
    street = forms.CharField(label=_("Adresse"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postnummer"), max_length=10, required=False)
    city = forms.CharField(label=_("By"), max_length=100, required=False)

    def __init__(self, *args: Any, missing: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.missing = [str(m) for m in missing]
        required = {"ean": ["ean"], "reference": ["reference"],
                    "address": ["street", "postcode", "city"]}  # fmt: skip
        for item in self.missing:
            for name in required.get(item, []):
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = _("Udfyld feltet.")
        self.fields["ean"].widget.attrs["inputmode"] = "numeric"
        self.fields["postcode"].widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "postal-code"}
        )

    def clean_ean(self) -> str:
        return checked_ean("".join(self.cleaned_data["ean"].split()))

    def clean_postcode(self) -> str:
        return _postcode(self.cleaned_data["postcode"], required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        address = [data.get(name, "").strip() for name in ("street", "postcode", "city")]
        if any(address) and not all(address):
            self.add_error(None, _("Skriv hele adressen: adresse, postnummer og by."))
        return data


class CreditForm(SafeTextMixin, forms.Form):
    reason = forms.CharField(
        label=_("Årsag"),
        max_length=300,
        help_text=_("Står på kreditnotaen, f.eks. 'Afmeldt før fristen' eller 'Forkert køber'."),
        error_messages={"required": _("Skriv, hvorfor fakturaen krediteres.")},
    )
