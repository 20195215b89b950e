"""Speakers of an edition: invite them, see who has not confirmed, not sent slides or needs a
hotel night, and export the list as XLSX."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from forsamling.accounts.access import require
from forsamling.backoffice.views.edition_access import edition_for
from forsamling.conferences.models import Edition
from forsamling.core.downloads import attachment
from forsamling.core.validators import SafeTextMixin
from forsamling.domain.permissions import Action
from forsamling.outputs import speaker_list, spreadsheets
from forsamling.programme.models import Speaker
from forsamling.registration.models import Category
from forsamling.speakers import queries, services
from forsamling.speakers.models import SpeakerRecord

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class InviteForm(SafeTextMixin, forms.Form):
    speaker = forms.ModelChoiceField(
        label=gettext_lazy("Oplægsholder i programmet"), queryset=Speaker.objects.none()
    )
    email = forms.EmailField(label=gettext_lazy("E-mail"))
    category = forms.ModelChoiceField(
        label=gettext_lazy("Gratis kategori med invitationskode"),
        queryset=Category.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        on_programme = Q(items__edition=edition) | Q(sessions__slot__edition=edition)
        invited = SpeakerRecord.objects.filter(edition=edition).values("speaker_id")
        self.fields["speaker"].queryset = (  # type: ignore[attr-defined]
            Speaker.objects.filter(on_programme).exclude(pk__in=invited).distinct()
        )
        self.fields["category"].queryset = Category.objects.filter(  # type: ignore[attr-defined]
            edition=edition, invitation_only=True, price=0
        )


class FilterForm(forms.Form):
    ikke_bekraeftet = forms.BooleanField(label=gettext_lazy("Ikke bekræftet"), required=False)
    uden_slides = forms.BooleanField(label=gettext_lazy("Mangler slides"), required=False)
    hotel = forms.BooleanField(label=gettext_lazy("Har brug for hotelnat"), required=False)

    def chosen(self) -> queries.SpeakerFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return queries.SpeakerFilter(
            unconfirmed=bool(data.get("ikke_bekraeftet")),
            no_slides=bool(data.get("uden_slides")),
            hotel=bool(data.get("hotel")),
        )


def speakers(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.VIEW)
    filters = FilterForm(request.GET or None)
    records = list(queries.speaker_records(the_edition, filters.chosen()))
    needs = Action.VIEW_NEEDS in actions
    if request.GET.get("eksport") == "xlsx":
        require(request, the_edition, Action.EXPORT)
        headers = speaker_list.HEADERS + (speaker_list.NEEDS_HEADERS if needs else [])
        rows = speaker_list.speaker_rows(records, needs=needs)
        body = spreadsheets.to_xlsx("Oplægsholdere", headers, rows)
        return attachment(body, f"oplaegsholdere-{the_edition.slug}.xlsx", XLSX)
    form = None
    if Action.MANAGE_REGISTRATION in actions:
        form = InviteForm(edition=the_edition)
    return _page(request, the_edition, actions, records, filters, form)


def _page(
    request: HttpRequest,
    edition: Edition,
    actions: Any,
    records: list[SpeakerRecord],
    filters: FilterForm,
    form: InviteForm | None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "backoffice/speakers/list.html",
        {
            "edition": edition,
            "actions": actions,
            "records": records,
            "filters": filters,
            "form": form,
            "needs": Action.VIEW_NEEDS in actions,
            "query": request.GET.urlencode(),
        },
        status=status,
    )


@require_POST
def invite(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    form = InviteForm(request.POST, edition=the_edition)
    if form.is_valid():
        try:
            record = services.invite_speaker(
                edition=the_edition,
                speaker=form.cleaned_data["speaker"],
                email=form.cleaned_data["email"],
                category=form.cleaned_data["category"],
                user=request.user,
            )
        except services.SpeakerError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(name)s er inviteret; e-mailen ligger i udbakken.")
                % {"name": record.speaker.name},
            )
            return redirect("backoffice:speakers", the_edition.slug)
    records = list(queries.speaker_records(the_edition, queries.SpeakerFilter()))
    return _page(request, the_edition, actions, records, FilterForm(), form, status=400)


@require_POST
def resend(request: HttpRequest, edition: str, record_id: int) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    record = get_object_or_404(SpeakerRecord, pk=record_id, edition=the_edition)
    services.resend_invitation(record=record)
    messages.success(
        request, _("Invitationen til %(name)s er sendt igen.") % {"name": record.speaker.name}
    )
    return redirect("backoffice:speakers", the_edition.slug)
