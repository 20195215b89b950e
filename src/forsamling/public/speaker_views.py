"""The speaker's own page on a private link, and a confirmed speaker's photo in the programme.

Thin views: the form checks the photo and slides, one service call saves, a message says so.
"""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from forsamling.exhibitors.images import image_response
from forsamling.public.editions import page_edition
from forsamling.speakers import queries, services
from forsamling.speakers.forms import SpeakerPageForm
from forsamling.speakers.models import SpeakerRecord


@never_cache
@require_http_methods(["GET", "POST"])
def speaker_page(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    record = get_object_or_404(
        SpeakerRecord.objects.select_related("edition", "speaker", "registration"),
        edition__slug=edition,
        token=token,
    )
    request.edition = record.edition  # type: ignore[attr-defined]
    if request.method == "POST":
        form = SpeakerPageForm(request.POST, request.FILES)
        if form.is_valid():
            first_time = not record.is_confirmed
            try:
                services.save_speaker_page(
                    record=record,
                    profile=form.profile(),
                    photo=form.photo_file,
                    slides=form.cleaned_data["slides"] or None,
                    slides_extension=form.slides_extension,
                )
            except services.SpeakerError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Tak! Du har bekræftet, og din plads på konferencen er oprettet.")
                    if first_time
                    else _("Dine oplysninger er gemt."),
                )
                return redirect("public:speaker_page", edition=edition, token=token)
        status = 400
    else:
        initial = asdict(services.SpeakerProfile(**queries.profile_values(record)))
        form = SpeakerPageForm(initial=initial)
        status = 200
    response = render(
        request,
        "public/speakers/page.html",
        {"edition": record.edition, "record": record, "form": form},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def own_photo(request: HttpRequest, edition: str, token: str) -> FileResponse:
    """The photo on the speaker's own page, confirmed or not."""
    record = get_object_or_404(SpeakerRecord, edition__slug=edition, token=token)
    if not record.photo:
        raise Http404("No photo")
    return image_response(record.photo)


def speaker_photo(request: HttpRequest, edition: str, speaker: str) -> FileResponse:
    """A confirmed speaker's photo, for their page in the published programme."""
    record = queries.confirmed_record(page_edition(request, edition, with_themes=False), speaker)
    if record is None or not record.photo:
        raise Http404("No photo")
    return image_response(record.photo)


urlpatterns = [
    path("<slug:edition>/oplaegsholder/<str:token>/", speaker_page, name="speaker_page"),
    path("<slug:edition>/oplaegsholder/<str:token>/foto/", own_photo, name="speaker_own_photo"),
    path(
        "<slug:edition>/program/oplaegsholder/<str:speaker>/foto/",
        speaker_photo,
        name="programme_speaker_photo",
    ),
]
