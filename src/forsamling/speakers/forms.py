"""The speaker's page: what they write, their photo and slides, checked before anything is saved."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forsamling.core.validators import SafeTextMixin
from forsamling.speakers.files import check_slides, checked_photo
from forsamling.speakers.services import SpeakerProfile


class SpeakerPageForm(SafeTextMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel eller rolle"),
        max_length=300,
        help_text=_("Som den skal stå i programmet, f.eks. “Ældrechef”."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    bio = forms.CharField(
        label=_("Kort præsentation"),
        max_length=1200,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Højst 1.200 tegn. Vises på din side i programmet, når du har bekræftet."),
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
    travel = forms.CharField(
        label=_("Rejse"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("F.eks. tog fra København torsdag morgen, eller om du kører selv."),
    )
    hotel_night = forms.BooleanField(label=_("Jeg har brug for en hotelnat"), required=False)
    dietary = forms.CharField(
        label=_("Kosthensyn"),
        required=False,
        max_length=300,
        help_text=_("F.eks. vegetar eller allergi over for nødder."),
    )
    technical_needs = forms.CharField(
        label=_("Teknisk udstyr"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("F.eks. lyd fra computeren, clicker eller mikrofon uden hænder."),
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
