"""KL's Forebyggelsespris in the back office: the jury scores, the chair decides, the
organisers publish.

Every view first asks `edition_for(request, edition, action)`: jurors hold SCORE_PRIZE (the
JURY role), organisers MANAGE_PRIZE. A juror's page is further limited to their own jury; the
chair's decisions are checked again in the services.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.conferences.models import Edition
from forsamling.domain import audit
from forsamling.domain import prizes as rules
from forsamling.domain.audit import Actor
from forsamling.domain.permissions import Action
from forsamling.prizes import services
from forsamling.prizes.forms import ConflictForm, ProgrammeItemForm, ScoreForm
from forsamling.prizes.models import (
    Attachment,
    AttachmentKind,
    Juror,
    Nomination,
    NominationState,
    Prize,
)
from forsamling.prizes.queries import (
    is_conflicted,
    item_starts_at,
    juror_for,
    jury_list,
    others_sheets,
    prize_for,
    ranking,
)


def _actor(request: HttpRequest) -> Actor:
    return audit.juror(request.user.get_username())


def _juror(request: HttpRequest, prize: Prize) -> Juror:
    juror = juror_for(prize, request.user)
    if juror is None:
        raise PermissionDenied
    return juror


def jury(request: HttpRequest, edition: str) -> HttpResponse:
    """A juror's list: every submitted nomination and where the juror stands with it."""
    the_edition, actions = edition_for(request, edition, Action.SCORE_PRIZE)
    if Action.MANAGE_PRIZE in actions and not Prize.objects.filter(edition=the_edition).exists():
        return redirect(f"{reverse('admin:prizes_prize_add')}?edition={the_edition.pk}")
    prize = prize_for(the_edition)
    juror = juror_for(prize, request.user)
    if juror is None:
        if Action.MANAGE_PRIZE in actions:
            return redirect("backoffice:prize_ranking", edition)
        raise PermissionDenied
    return render(
        request,
        "backoffice/prize/jury.html",
        {
            "edition": the_edition,
            "actions": actions,
            "prize": prize,
            "juror": juror,
            "rows": jury_list(juror),
            "closed": prize.jury_deadline is not None and timezone.now() >= prize.jury_deadline,
        },
    )


def jury_nomination(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.SCORE_PRIZE)
    prize = prize_for(the_edition)
    juror = _juror(request, prize)
    nomination = get_object_or_404(Nomination, pk=pk, prize=prize, state=NominationState.SUBMITTED)
    conflicted = is_conflicted(juror, nomination)
    criteria = list(prize.criteria.all())
    sheet = juror.sheets.filter(nomination=nomination).prefetch_related("scores").first()
    form: ScoreForm | None = None
    status = 200
    if not conflicted:
        if request.method == "POST":
            form = ScoreForm(request.POST, criteria=criteria)
            if form.is_valid():
                try:
                    services.save_scores(
                        juror=juror,
                        nomination=nomination,
                        scores=form.scores(),
                        comment=form.cleaned_data["comment"],
                        submit=request.POST.get("action") == "submit",
                        now=timezone.now(),
                        actor=_actor(request),
                    )
                except rules.Incomplete as error:
                    by_title = {c.title: c for c in criteria}
                    for title in error.missing:
                        form.add_error(
                            f"score_{by_title[title].pk}",
                            _("Giv en score fra 1 til 5, før du indsender."),
                        )
                except rules.JuryClosed:
                    form.add_error(None, _("Juryens frist er overskredet."))
                except rules.Conflicted:
                    form.add_error(None, _("Du er inhabil i denne indstilling."))
                else:
                    messages.success(request, _("Dine scorer er gemt."))
                    return redirect("backoffice:prize_jury_nomination", edition, pk)
            status = 422
        else:
            initial = {"comment": sheet.comment if sheet else ""}
            if sheet is not None:
                for score in sheet.scores.all():
                    initial[f"score_{score.criterion_id}"] = str(score.value)
                    initial[f"comment_{score.criterion_id}"] = score.comment
            form = ScoreForm(initial=initial, criteria=criteria)
    return render(
        request,
        "backoffice/prize/jury_nomination.html",
        {
            "edition": the_edition,
            "actions": actions,
            "prize": prize,
            "juror": juror,
            "nomination": nomination,
            "blind": prize.blind,
            "conflicted": conflicted,
            "form": form,
            "sheet": sheet,
            "others": others_sheets(juror, nomination),
            "conflict_form": ConflictForm(),
            "attachments": list(nomination.attachments.all()),
        },
        status=status,
    )


def jury_attachment(request: HttpRequest, edition: str, pk: int, attachment: int) -> FileResponse:
    """An attachment for the jury, without handing them the nominator's private link."""
    the_edition, _actions = edition_for(request, edition, Action.SCORE_PRIZE)
    prize = prize_for(the_edition)
    juror = juror_for(prize, request.user)
    nomination = get_object_or_404(Nomination, pk=pk, prize=prize, state=NominationState.SUBMITTED)
    if juror is not None and is_conflicted(juror, nomination):
        raise PermissionDenied
    found = get_object_or_404(Attachment, pk=attachment, nomination=nomination)
    return FileResponse(
        found.file.open("rb"),
        content_type=found.content_type,
        filename=f"bilag-{found.pk}.{found.extension}",
        as_attachment=found.kind == AttachmentKind.PDF,
    )


@require_POST
def declare_conflict(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.SCORE_PRIZE)
    prize = prize_for(the_edition)
    juror = _juror(request, prize)
    nomination = get_object_or_404(Nomination, pk=pk, prize=prize)
    form = ConflictForm(request.POST)
    if form.is_valid():
        services.declare_conflict(
            juror=juror,
            nomination=nomination,
            reason=form.cleaned_data["reason"],
            actor=_actor(request),
        )
        messages.success(request, _("Du er registreret som inhabil i denne indstilling."))
    else:  # the field's own Danish message: missing, too long, or a control character
        messages.error(request, " ".join(str(error) for error in form.errors["reason"]))
    return redirect("backoffice:prize_jury_nomination", edition, pk)


def _ranking_access(
    request: HttpRequest, slug: str
) -> tuple[Edition, set[Action], Prize, Juror | None]:
    """Organisers and the jury's chair see the ranking; other jurors do not."""
    edition, actions = edition_for(request, slug, Action.SCORE_PRIZE)
    prize = prize_for(edition)
    juror = juror_for(prize, request.user)
    if Action.MANAGE_PRIZE not in actions and not (juror and juror.is_chair):
        raise PermissionDenied
    return edition, actions, prize, juror


def prize_ranking(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions, prize, juror = _ranking_access(request, edition)
    rows = ranking(prize)
    shortlisted = sorted(
        (r.nomination for r in rows if r.nomination.shortlist_position),
        key=lambda n: n.shortlist_position or 0,
    )
    return render(
        request,
        "backoffice/prize/ranking.html",
        {
            "edition": the_edition,
            "actions": actions,
            "prize": prize,
            "juror": juror,
            "is_chair": bool(juror and juror.is_chair),
            "may_manage": Action.MANAGE_PRIZE in actions,
            "rows": rows,
            "shortlisted": shortlisted,
            "positions": range(1, rules.SHORTLIST_SIZE + 1),
            "jurors": list(prize.jurors.select_related("user")),
            "award_starts_at": item_starts_at(prize.award_item),
            "item_forms": [
                (
                    n,
                    ProgrammeItemForm(
                        edition=the_edition,
                        initial={"item": n.programme_item_id},
                        prefix=f"n{n.pk}",
                    ),
                )
                for n in shortlisted
            ],
        },
    )


@require_POST
def shortlist(request: HttpRequest, edition: str) -> HttpResponse:
    _the_edition, _actions, prize, juror = _ranking_access(request, edition)
    chosen = [request.POST.get(f"position_{i}", "") for i in range(1, rules.SHORTLIST_SIZE + 1)]
    try:
        if juror is None:
            raise rules.NotChair(0)
        services.shortlist(
            prize=prize,
            juror=juror,
            nomination_ids=[int(c) if c.isdigit() else 0 for c in chosen],
            actor=_actor(request),
        )
    except rules.NotChair:
        messages.error(request, _("Kun juryens formand kan vælge de nominerede."))
    except rules.InvalidShortlist:
        messages.error(request, _("Vælg tre forskellige indsendte indstillinger."))
    else:
        messages.success(request, _("De tre nominerede er valgt."))
    return redirect("backoffice:prize_ranking", edition)


@require_POST
def record_winner(request: HttpRequest, edition: str) -> HttpResponse:
    _the_edition, _actions, prize, juror = _ranking_access(request, edition)
    wanted = request.POST.get("winner", "")
    nomination = prize.nominations.filter(pk=int(wanted) if wanted.isdigit() else 0).first()
    try:
        if juror is None:
            raise rules.NotChair(0)
        if nomination is None:
            raise rules.NotShortlisted(0)
        services.record_winner(
            prize=prize, juror=juror, nomination=nomination, actor=_actor(request)
        )
    except rules.NotChair:
        messages.error(request, _("Kun juryens formand kan vælge vinderen."))
    except rules.NotShortlisted:
        messages.error(request, _("Vinderen skal være en af de tre nominerede."))
    else:
        messages.success(
            request,
            _("Vinderen er registreret; den vises efter offentliggørelse og uddeling."),
        )
    return redirect("backoffice:prize_ranking", edition)


@require_POST
def publish(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_PRIZE)
    prize = prize_for(the_edition)
    flag = request.POST.get("what", "")
    value = request.POST.get("value") == "1"
    if flag not in services.PUBLICATION_FLAGS:
        messages.error(request, _("Ukendt offentliggørelse."))
        return redirect("backoffice:prize_ranking", edition)
    try:
        services.set_publication(
            prize=prize, flag=flag, value=value, actor=audit.organiser(request.user.get_username())
        )
    except rules.PrizeError:
        messages.error(request, _("Der er ingen vinder at offentliggøre endnu."))
    else:
        messages.success(request, _("Offentliggjort.") if value else _("Taget af sitet igen."))
    return redirect("backoffice:prize_ranking", edition)


@require_POST
def place_nominee(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_PRIZE)
    prize = prize_for(the_edition)
    nomination = get_object_or_404(Nomination, pk=pk, prize=prize)
    form = ProgrammeItemForm(request.POST, edition=the_edition, prefix=f"n{pk}")
    if form.is_valid():
        services.place_in_programme(
            nomination=nomination,
            item=form.cleaned_data["item"],
            actor=audit.organiser(request.user.get_username()),
        )
        messages.success(request, _("Programpunktet er gemt."))
    else:
        messages.error(request, _("Vælg et programpunkt fra listen."))
    return redirect("backoffice:prize_ranking", edition)
