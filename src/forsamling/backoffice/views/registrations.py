"""The registrations: the list with its filters and exports, one registration's file, and
organisers moving a participant between sessions on their behalf."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forsamling.backoffice import queries
from forsamling.backoffice.views.edition_access import edition_for
from forsamling.backoffice.views.paging import paged
from forsamling.conferences.models import Edition
from forsamling.core.downloads import attachment
from forsamling.core.validators import parse_id
from forsamling.domain import audit
from forsamling.domain.permissions import Action
from forsamling.domain.registration_rules import (
    NotEligible,
    RegistrationCancelled,
    RegistrationError,
)
from forsamling.outputs import spreadsheets
from forsamling.programme.models import Item, ItemKind, Session
from forsamling.registration.models import ChoiceStatus, Registration
from forsamling.registration.queries import consenting_participants
from forsamling.registration.services import change_choices


def breakouts_with_sessions(edition: Edition) -> list[Item]:
    """The edition's breakout slots with their sessions, for the move form."""
    sessions = Session.objects.filter(is_cancelled=False).order_by("order", "number", "id")
    return list(
        Item.objects.filter(edition=edition, kind=ItemKind.BREAKOUT)
        .select_related("day")
        .prefetch_related(Prefetch("sessions", queryset=sessions))
        .order_by("day__date", "starts_at", "order", "id")
    )


@require_POST
def move_participant(request: HttpRequest, edition: str, registration_id: int) -> HttpResponse:
    """Puts the participant in another session of one breakout (or in none), as the rules allow:
    a full session gives a place on its waiting list, never a seat over capacity."""
    the_edition, _actions = edition_for(request, edition, Action.CHANGE_REGISTRATION)
    registration = get_object_or_404(Registration, edition=the_edition, pk=registration_id)
    back = redirect(
        "backoffice:registration", edition=the_edition.slug, registration_id=registration.pk
    )
    slot = Item.objects.filter(
        edition=the_edition, kind=ItemKind.BREAKOUT, pk=parse_id(request.POST.get("slot")) or 0
    ).first()
    if slot is None:
        messages.error(request, _("Vælg den programdel, deltageren skal flyttes i."))
        return back
    wanted = request.POST.get("session", "")
    new_session = None
    if wanted:
        new_session = Session.objects.filter(slot=slot, pk=parse_id(wanted) or 0).first()
        if new_session is None:
            messages.error(request, _("Vælg en session fra listen."))
            return back
    sessions = [
        choice.session
        for choice in registration.choices.select_related("session")
        if choice.slot_id != slot.pk
    ]
    if new_session is not None:
        sessions.append(new_session)
    actor = audit.organiser(request.user.get_username())
    try:
        change_choices(registration=registration, sessions=sessions, actor=actor)
    except RegistrationCancelled:
        messages.error(request, _("Tilmeldingen er afmeldt og kan ikke ændres."))
    except NotEligible:
        messages.error(request, _("Deltagerens kategori kan ikke deltage i den session."))
    except RegistrationError:
        messages.error(request, _("Sessionen kan ikke vælges: den overlapper eller er lukket."))
    else:
        choice = registration.choices.filter(slot=slot).first()
        if choice is None:
            messages.success(request, _("Deltageren er taget ud af %(slot)s.") % {"slot": slot})
        elif choice.status == ChoiceStatus.WAITING:
            messages.warning(
                request,
                _("Sessionen er fuld: deltageren står nu på ventelisten til %(session)s.")
                % {"session": choice.session},
            )
        else:
            messages.success(
                request,
                _("Deltageren har nu plads på %(session)s.") % {"session": choice.session},
            )
    return back


def registration_list(request: HttpRequest, edition: str) -> HttpResponse:
    export = request.GET.get("format", "")
    the_edition, actions = edition_for(request, edition, Action.EXPORT if export else Action.VIEW)
    wanted = queries.RegistrationFilter.from_query(request.GET.dict())
    rows = queries.registrations(the_edition, wanted)
    if export in {"csv", "xlsx"}:
        headers, table = spreadsheets.REGISTRATION_HEADERS, spreadsheets.registration_rows(rows)
        if not (Action.VIEW_NEEDS in actions and request.GET.get("behov") == "1"):
            headers, table = spreadsheets.without_needs(headers, table)  # health data: opt-in
        name = f"tilmeldinger-{the_edition.slug}"
        if export == "csv":
            body = spreadsheets.to_csv(headers, table)
            return attachment(body, f"{name}.csv", "text/csv; charset=utf-8")
        body = spreadsheets.to_xlsx("Tilmeldinger", headers, table)
        return attachment(body, f"{name}.xlsx", spreadsheets.XLSX)
    page, query = paged(request, rows)
    return render(
        request,
        "backoffice/registrations.html",
        {
            "edition": the_edition,
            "actions": actions,
            "page": page,
            "count": len(rows),
            "wanted": wanted,
            "query": query,
            **queries.filter_choices(the_edition),
        },
    )


def registration_detail(request: HttpRequest, edition: str, registration_id: int) -> HttpResponse:
    """One registration: details, sessions, arrival, its audit log and the e-mails it got."""
    the_edition, actions = edition_for(request, edition, Action.VIEW)
    found = queries.registration_file(the_edition, registration_id)
    if found is None:
        raise Http404
    return render(
        request,
        "backoffice/registration.html",
        {
            "edition": the_edition,
            "actions": actions,
            "file": found,
            "registration": found.registration,
            "breakouts": breakouts_with_sessions(the_edition)
            if Action.CHANGE_REGISTRATION in actions
            else [],
        },
    )


def participant_list_xlsx(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.EXPORT)
    rows = spreadsheets.participant_list_rows(consenting_participants(the_edition))
    body = spreadsheets.to_xlsx("Deltagerliste", spreadsheets.PARTICIPANT_LIST_HEADERS, rows)
    return attachment(body, f"deltagerliste-{the_edition.slug}.xlsx", spreadsheets.XLSX)
