"""The speaker's page: what they write, their photo and slides, checked before anything is saved."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forsamling.core.form_fields import text_field
from forsamling.core.validators import SafeTextMixin
from forsamling.speakers.files import check_slides, checked_photo
from forsamling.speakers.services import SpeakerProfile


class SpeakerPageForm(SafeTextMixin, forms.Form):
    title = text_field(
        _("Titel eller rolle"),
        300,
        help_text=_("Som den skal stå i programmet, f.eks. “Ældrechef”."),
    )
    organisation = text_field(_("Organisation"), 200)
    bio = text_field(
        _("Kort præsentation"),
        1200,
        help_text=_("Højst 1.200 tegn. Vises på din side i programmet, når du har bekræftet."),
        rows=6,
    )
    photo = forms.FileField(
        label=_("Foto"),
        required=False,
        help_text=_("JPEG, PNG eller WebP, højst 8 MB. Vi gør det mindre og fjerner EXIF-data."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    slides = forms.FileField(
        label=_("Slides"),
        required=False,
        help_text=_("PDF eller PowerPoint (.pptx), højst 50 MB. Du kan sende dem før eller efter."),
        widget=forms.FileInput(
            attrs={
                "accept": ".pdf,.pptx,application/pdf,"
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
        ),
    )
    consent_photo = forms.BooleanField(label=_("Jeg må gerne fotograferes"), required=False)
    consent_film = forms.BooleanField(label=_("Jeg må gerne filmes"), required=False)
    consent_stream = forms.BooleanField(label=_("Mit oplæg må gerne streames"), required=False)
    travel = text_field(
        _("Rejse"),
        1000,
        required=False,
        help_text=_("F.eks. tog fra København torsdag morgen, eller om du kører selv."),
        rows=3,
    )
    hotel_night = forms.BooleanField(label=_("Jeg har brug for en hotelnat"), required=False)
    dietary = text_field(
        _("Kosthensyn"),
        300,
        required=False,
        help_text=_("F.eks. vegetar eller allergi over for nødder."),
    )
    technical_needs = text_field(
        _("Teknisk udstyr"),
        1000,
        required=False,
        help_text=_("F.eks. lyd fra computeren, clicker eller mikrofon uden hænder."),
        rows=3,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.photo_file: Any = None
        self.slides_extension = ""

    def clean_photo(self) -> Any:
        upload = self.cleaned_data.get("photo")
        if upload:
            self.photo_file = checked_photo(upload)
        return upload

    def clean_slides(self) -> Any:
        upload = self.cleaned_data.get("slides")
        if upload:
            self.slides_extension = check_slides(upload)
        return upload

    def profile(self) -> SpeakerProfile:
        data = self.cleaned_data
        return SpeakerProfile(
            **{
                name: data[name]
                for name in SpeakerProfile.__dataclass_fields__  # the page's own fields
            }
        )
