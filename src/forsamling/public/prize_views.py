"""KL's Forebyggelsespris in public: the prize page, nominating with a private link, the
nominees' pages and the inspiration catalogue (page and PDF).

Thin views: a form, one service call, a message. A POST keeps everything that was given
correctly (a draft is saved with it, valid files included) and shows Danish errors for the rest.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from forsamling.core import abuse, downloads
from forsamling.domain import prizes as rules
from forsamling.domain.danish import format_moment
from forsamling.outputs.prize_catalogue import catalogue_pdf
from forsamling.prizes import services
from forsamling.prizes.forms import NominationForm
from forsamling.prizes.models import Attachment, AttachmentKind, Nomination, Prize
from forsamling.prizes.queries import (
    catalogue,
    item_starts_at,
    nomination_by_token,
    prize_for,
    public_nominees,
    winner_visible,
)
from forsamling.public.editions import page_edition

MISSING = gettext_lazy("Skal udfyldes, før indstillingen kan indsendes.")


def _prize(request: HttpRequest, edition: str) -> Prize:
    return prize_for(page_edition(request, edition, with_themes=False))


def window_message(prize: Prize) -> str:
    """Why nominations cannot be made or changed now, or '' when they can."""
    try:
        rules.check_window(
            now=timezone.now(),
            opens_at=prize.nominations_open_at,
            closes_at=prize.nominations_close_at,
        )
    except rules.NominationsNotOpen as error:
        if error.opens_at is None:
            return _("Indstillingen er ikke åbnet endnu.")
        return _("Indstillingen åbner %(moment)s.") % {"moment": format_moment(error.opens_at)}
    except rules.NominationsClosed as error:
        return _("Indstillingen lukkede %(moment)s. Indstillinger kan ikke længere ændres.") % {
            "moment": format_moment(error.closed_at)
        }
    return ""


def prize_page(request: HttpRequest, edition: str) -> HttpResponse:
    prize = _prize(request, edition)
    now = timezone.now()
    return render(
        request,
        "public/prize/prize.html",
        {
            "edition": prize.edition,
            "prize": prize,
            "criteria": list(prize.criteria.all()),
            "window": window_message(prize),
            "nominees": public_nominees(prize),
            "winner": prize.winner if winner_visible(prize, now) else None,
            "award_starts_at": item_starts_at(prize.award_item),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def nominate(request: HttpRequest, edition: str) -> HttpResponse:
    prize = _prize(request, edition)
    if request.method == "POST":
        return _save(request, prize, None)
    return _form_page(request, prize, None, NominationForm())


@never_cache
@require_http_methods(["GET", "POST"])
def nomination(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    prize = _prize(request, edition)
    found = nomination_by_token(prize, token)
    if request.method == "POST":
        return _save(request, prize, found)
    form = NominationForm(initial=NominationForm.initial_from(found))
    return _form_page(request, prize, found, form)


def _save(request: HttpRequest, prize: Prize, nomination: Nomination | None) -> HttpResponse:
    existing = nomination.attachments.count() if nomination else 0
    new = nomination is None
    form = NominationForm(request.POST, request.FILES, existing_files=existing)
    form.is_valid()
    submit = request.POST.get("action") == "submit"
    now = timezone.now()
    if nomination is None and not form.has_content():
        if not form.errors:
            if not submit:
                form.add_error(None, _("Udfyld mindst ét felt, før du gemmer."))
            for name in rules.REQUIRED_FOR_SUBMISSION:  # say which fields, not just "a field"
                form.add_error(name, MISSING)
        return _form_page(request, prize, None, form, status=422)
    if nomination is None and (refusal := abuse.check_form(request, form="nomination")):
        form.add_error(None, refusal.message)  # a new nomination: held off bots like the rest
        return abuse.with_retry_after(
            _form_page(request, prize, None, form, status=refusal.status), refusal
        )
    try:
        if nomination is not None and nomination.is_submitted:
            # Files first: a change that would leave it incomplete must not lose them.
            services.add_attachments(nomination=nomination, uploads=form.checked_files, now=now)
            nomination = services.save_nomination(
                prize=prize, nomination=nomination, values=form.valid_values(), now=now
            )
        else:
            nomination = services.save_nomination(
                prize=prize,
                nomination=nomination,
                values=form.valid_values(),
                uploads=form.checked_files,
                now=now,
            )
        if submit and not form.errors:
            nomination = services.submit_nomination(nomination=nomination, now=now)
    except (rules.NominationsNotOpen, rules.NominationsClosed):
        form.add_error(None, window_message(prize))
    except rules.Incomplete as error:
        for name in error.missing:
            form.add_error(name, MISSING)
    if form.errors:
        if nomination is not None:
            nomination.refresh_from_db()
        return _form_page(request, prize, nomination, form, status=422)
    assert nomination is not None
    if new:
        abuse.count_accepted(request, form="nomination")
    if submit:
        messages.success(
            request,
            _("Tak! Indstillingen er indsendt. Vi har sendt en kvittering til %(email)s.")
            % {"email": nomination.contact_email},
        )
    else:
        messages.success(request, _("Indstillingen er gemt."))
    return redirect(nomination)


def _form_page(
    request: HttpRequest,
    prize: Prize,
    nomination: Nomination | None,
    form: NominationForm,
    status: int = 200,
) -> HttpResponse:
    response = render(
        request,
        "public/prize/nominate.html",
        {
            "edition": prize.edition,
            "prize": prize,
            "nomination": nomination,
            "attachments": list(nomination.attachments.all()) if nomination else [],
            "form": form,
            "window": window_message(prize),
            "link": request.build_absolute_uri(nomination.get_absolute_url()) if nomination else "",
            "criteria": list(prize.criteria.all()),
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_POST
def remove_attachment(request: HttpRequest, edition: str, token: str, pk: int) -> HttpResponse:
    prize = _prize(request, edition)
    found = nomination_by_token(prize, token)
    attachment = get_object_or_404(Attachment, pk=pk, nomination=found)
    try:
        services.remove_attachment(attachment=attachment, now=timezone.now())
    except (rules.NominationsNotOpen, rules.NominationsClosed):
        messages.error(request, window_message(prize))
    else:
        messages.success(request, _("%(name)s er fjernet.") % {"name": attachment.original_name})
    return redirect(found)


@never_cache
def attachment_file(request: HttpRequest, edition: str, token: str, pk: int) -> FileResponse:
    found = nomination_by_token(_prize(request, edition), token)
    return _file(get_object_or_404(Attachment, pk=pk, nomination=found))


def _file(attachment: Attachment) -> FileResponse:
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        filename=f"bilag-{attachment.pk}.{attachment.extension}",
        as_attachment=attachment.kind == AttachmentKind.PDF,
    )
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _public_nomination(prize: Prize, pk: int) -> Nomination:
    """A nominee once published, or a catalogue entry once the catalogue is published."""
    nominee_ids = {n.pk for n in public_nominees(prize)}
    if pk in nominee_ids:
        return get_object_or_404(Nomination, pk=pk, prize=prize)
    if prize.catalogue_published:
        for entry in catalogue(prize):
            if entry.pk == pk:
                return entry
    raise Http404("Not published")


def nominee(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    prize = _prize(request, edition)
    found = _public_nomination(prize, pk)
    nominees = public_nominees(prize)
    return render(
        request,
        "public/prize/nominee.html",
        {
            "edition": prize.edition,
            "prize": prize,
            "nomination": found,
            "images": list(found.attachments.filter(kind=AttachmentKind.IMAGE)),
            "is_nominee": any(n.pk == found.pk for n in nominees),
            "is_winner": prize.winner_id == found.pk and winner_visible(prize, timezone.now()),
        },
    )


def nominee_image(request: HttpRequest, edition: str, pk: int, image: int) -> FileResponse:
    found = _public_nomination(_prize(request, edition), pk)
    return _file(
        get_object_or_404(Attachment, pk=image, nomination=found, kind=AttachmentKind.IMAGE)
    )


def catalogue_page(request: HttpRequest, edition: str) -> HttpResponse:
    prize = _prize(request, edition)
    if not prize.catalogue_published:
        raise Http404("The catalogue is not published")
    return render(
        request,
        "public/prize/catalogue.html",
        {"edition": prize.edition, "prize": prize, "entries": catalogue(prize)},
    )


def catalogue_download(request: HttpRequest, edition: str) -> HttpResponse:
    prize = _prize(request, edition)
    if not prize.catalogue_published:
        raise Http404("The catalogue is not published")
    return downloads.attachment(
        catalogue_pdf(prize, catalogue(prize)),
        f"inspirationskatalog-{prize.edition.slug}.pdf",
        "application/pdf",
        disposition="inline",
    )


def prize_url(prize: Prize) -> str:
    return reverse("public:prize", kwargs={"edition": prize.edition.slug})


urlpatterns = [
    path("<slug:edition>/forebyggelsespris/", prize_page, name="prize"),
    path("<slug:edition>/forebyggelsespris/indstil/", nominate, name="prize_nominate"),
    path(
        "<slug:edition>/forebyggelsespris/indstilling/<str:token>/",
        nomination,
        name="prize_nomination",
    ),
    path(
        "<slug:edition>/forebyggelsespris/indstilling/<str:token>/bilag/<int:pk>/",
        attachment_file,
        name="prize_attachment",
    ),
    path(
        "<slug:edition>/forebyggelsespris/indstilling/<str:token>/bilag/<int:pk>/fjern/",
        remove_attachment,
        name="prize_remove_attachment",
    ),
    path("<slug:edition>/forebyggelsespris/projekt/<int:pk>/", nominee, name="prize_nominee"),
    path(
        "<slug:edition>/forebyggelsespris/projekt/<int:pk>/billede/<int:image>/",
        nominee_image,
        name="prize_nominee_image",
    ),
    path("<slug:edition>/forebyggelsespris/inspiration/", catalogue_page, name="prize_catalogue"),
    path(
        "<slug:edition>/forebyggelsespris/inspirationskatalog.pdf",
        catalogue_download,
        name="prize_catalogue_pdf",
    ),
]
