"""The organisers' form for publishing the programme."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition
from forsamling.core.validators import SafeTextMixin


class PublishProgrammeForm(SafeTextMixin, forms.Form):
    edition = forms.ModelChoiceField(
        label=_("Udgave"), queryset=Edition.objects.order_by("-start_date")
    )
    comment = forms.CharField(
        label=_("Kommentar"),
        max_length=300,
        required=False,
        help_text=_("Vises på siden Ændringer, f.eks. 'Første version' eller 'Nye oplægsholdere'."),
    )
    publish_at = forms.SplitDateTimeField(
        label=_("Offentliggøres"),
        required=False,
        widget=forms.SplitDateTimeWidget(date_attrs={"type": "date"}, time_attrs={"type": "time"}),
        help_text=_("Tomt: med det samme. Ellers på det valgte tidspunkt (dansk tid)."),
    )
