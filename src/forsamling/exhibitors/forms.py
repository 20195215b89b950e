"""Forms for exhibitors: the booking, stand staff and the public profile."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition
from forsamling.core.form_fields import text_field
from forsamling.core.validators import SafeTextMixin
from forsamling.domain import stands as rules
from forsamling.domain.danish import format_price_ex_vat
from forsamling.domain.ean import normalise_ean
from forsamling.exhibitors.messages import describe
from forsamling.exhibitors.models import Exhibitor, Extra, Stand, StandStaff
from forsamling.exhibitors.services import ExhibitorDetails


class StandChoiceField(forms.ModelMultipleChoiceField):
    """Any stand of the edition is a valid choice; whether it is still free, the service decides."""

    def label_from_instance(self, obj: Stand) -> str:
        return obj.number


class BookingForm(SafeTextMixin, forms.ModelForm):
    stands = StandChoiceField(
        queryset=Stand.objects.none(),
        label=_("Stande"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Vælg mindst én stand."),
            "invalid_choice": _("Vælg en stand fra listen."),
        },
    )
    # Longer than the stored value: people type 'DK 12 34 56 78' and spaces in EAN numbers.
    cvr = text_field(_("CVR-nummer"), 20, required_error=_("Skriv organisationens CVR-nummer."))
    ean = text_field(
        _("EAN-nummer"),
        30,
        required=False,
        help_text=_("Kun for offentlige myndigheder: 13 cifre."),
    )
    accept_terms = forms.BooleanField(
        label=_("Vi bestiller standene og betaler den viste pris plus 25 % moms mod faktura."),
        error_messages={"required": _("Sæt kryds for at bekræfte bestillingen.")},
    )

    class Meta:
        model = Exhibitor
        fields = [
            "organisation", "cvr", "contact_name", "contact_email", "contact_phone",
            "invoice_address", "invoice_reference", "ean",
        ]  # fmt: skip
        widgets = {"invoice_address": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "organisation": {"required": _("Skriv organisationens navn.")},
            "contact_name": {"required": _("Skriv kontaktpersonens navn.")},
            "contact_email": {
                "required": _("Skriv kontaktpersonens e-mail."),
                "invalid": _("Skriv en gyldig e-mailadresse, f.eks. navn@firma.dk."),
            },
            "contact_phone": {"required": _("Skriv kontaktpersonens telefonnummer.")},
            "invoice_address": {"required": _("Skriv adressen, fakturaen skal sendes til.")},
        }

    def __init__(self, *args: object, edition: Edition, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["stands"].queryset = Stand.objects.filter(edition=edition)  # type: ignore[attr-defined]
        self.edition_max = edition.max_stands_per_exhibitor
        self.fields["cvr"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["ean"].widget.attrs.update({"inputmode": "numeric"})
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.extras = list(Extra.objects.filter(edition=edition))
        for extra in self.extras:
            self.fields[f"extra_{extra.pk}"] = forms.IntegerField(
                label=f"{extra.name} – {format_price_ex_vat(extra.price, 'da')} pr. stk.",
                help_text=extra.description,
                min_value=0,
                max_value=extra.max_quantity,
                initial=0,
                required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                error_messages={
                    "invalid": _("Skriv et helt antal, f.eks. 1."),
                    "min_value": _("Antallet kan ikke være negativt."),
                    "max_value": _("I kan højst bestille %(limit_value)s."),
                },
            )
        self.order_fields(["stands", *(f"extra_{extra.pk}" for extra in self.extras)])

    def extra_fields(self) -> list[Any]:
        return [self[f"extra_{extra.pk}"] for extra in self.extras]

    def extra_quantities(self) -> dict[int, int]:
        """How many of each extra (by id) was ordered; none for an empty field."""
        return {extra.pk: self.cleaned_data.get(f"extra_{extra.pk}") or 0 for extra in self.extras}

    def clean_cvr(self) -> str:
        try:
            return rules.validate_cvr(self.cleaned_data["cvr"])
        except rules.InvalidCVR:
            raise forms.ValidationError(
                _("CVR-nummeret skal være 8 cifre og findes i CVR-registret. Tjek det igen."),
                code="invalid_cvr",
            ) from None

    def clean_ean(self) -> str:
        value = self.cleaned_data.get("ean", "")
        if not value.strip():
            return ""
        if set(normalise_ean(value)) == {"0"}:
            raise forms.ValidationError(
                _("EAN-nummeret kan ikke være lutter nuller. Skriv jeres rigtige EAN-nummer."),
                code="invalid_ean",
            )
        try:
            return rules.validate_ean(value)
        except rules.InvalidEAN:
            raise forms.ValidationError(
                _(
                    "EAN-nummeret skal være 13 cifre, og det sidste ciffer passer ikke. "
                    "Tjek det igen."
                ),
                code="invalid_ean",
            ) from None

    def details(self) -> ExhibitorDetails:
        data = self.cleaned_data
        return ExhibitorDetails(
            organisation=data["organisation"],
            cvr=data["cvr"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            invoice_address=data["invoice_address"],
            invoice_reference=data.get("invoice_reference", ""),
            ean=data.get("ean", ""),
        )

    def clean_stands(self) -> Any:
        stands = self.cleaned_data["stands"]
        try:
            rules.check_stand_count(chosen=len(stands), allowed=self.edition_max)
        except rules.TooManyStands as error:
            raise forms.ValidationError(describe(error), code="too_many_stands") from None
        return stands

    def stand_ids(self) -> list[int]:
        return [stand.pk for stand in self.cleaned_data["stands"]]


def _yes_no(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Svar ja eller nej.")},
    )


class StandStaffForm(SafeTextMixin, forms.ModelForm):
    """A stand-staff member; whether they come to the dinner is asked only when the edition
    registers stand staff (it has the stand-staff category), as the answer is kept on the
    member's registration. Not answered beforehand: a guess would miscount the dinner."""

    dinner = _yes_no(_("Deltager personen i konferencemiddagen?"))

    def __init__(self, *args: Any, ask_dinner: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not ask_dinner:
            del self.fields["dinner"]

    class Meta:
        model = StandStaff
        fields = ["name", "email", "title"]
        error_messages = {
            "name": {"required": _("Skriv personens navn.")},
            "email": {
                "required": _("Skriv personens e-mail."),
                "invalid": _("Skriv en gyldig e-mailadresse, f.eks. navn@firma.dk."),
            },
        }


class StaffDinnerForm(forms.Form):
    """The exhibitor's later answer for one member: at the dinner or not."""

    dinner = _yes_no(_("Deltager personen i konferencemiddagen?"))


class ProfileForm(SafeTextMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("Hjemmeside"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Skriv en hel adresse, f.eks. https://www.firma.dk.")},
    )

    class Meta:
        model = Exhibitor
        fields = ["description", "website", "logo"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "logo": forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }
        error_messages = {
            "logo": {
                "invalid_image": _(
                    "Filen er ikke et billede, vi kan læse. Brug PNG, JPEG eller WebP."
                )
            },
        }


class LeadScanForm(SafeTextMixin, forms.Form):
    """A badge's code, scanned by the camera or typed from under the QR code, and a note."""

    code = text_field(
        _("Kode fra navneskiltet"),
        300,
        help_text=_("Står under QR-koden, f.eks. 1234-5f2c9a0b7d3e4f61."),
        required_error=_("Scan navneskiltet, eller skriv koden under QR-koden."),
    )
    note = text_field(
        _("Note"),
        500,
        required=False,
        help_text=_("F.eks. hvad I talte om. Kommer med i jeres liste over leads."),
    )
