"""The dinner: its number of seats (with a waiting list), the tables and the table plan."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.conferences.models import Edition
from forsamling.core.validators import SafeTextMixin
from forsamling.domain.audit import Actor, organiser
from forsamling.domain.permissions import Action
from forsamling.registration import dinner
from forsamling.registration.models import ChoiceStatus, DinnerTable, Registration, TableSeat
from forsamling.registration.queries import dinner_session


class SeatsForm(SafeTextMixin, forms.Form):
    capacity = forms.IntegerField(
        label=gettext_lazy("Pladser til middagen"),
        required=False,
        min_value=1,
        max_value=10_000,
        help_text=gettext_lazy("Tom: plads til alle, der siger ja. Når der er fuldt: venteliste."),
    )


class TablesForm(SafeTextMixin, forms.Form):
    sizes = forms.CharField(
        label=gettext_lazy("Borde og deres pladser"),
        max_length=2000,
        help_text=gettext_lazy(
            "Antal pladser ved bord 1, 2, 3 … adskilt af komma, f.eks. 8, 8, 10."
        ),
    )

    def clean_sizes(self) -> list[int]:
        text = self.cleaned_data["sizes"]
        parts = [part for part in re.split(r"[,;\s]+", text) if part]
        if not parts or not all(part.isdigit() and 1 <= int(part) <= 100 for part in parts):
            raise forms.ValidationError(
                _("Skriv hvert bords antal pladser (1–100) adskilt af komma, f.eks. 8, 8, 10.")
            )
        if len(parts) > 300:
            raise forms.ValidationError(_("Højst 300 borde."))
        return [int(part) for part in parts]


def _actor(request: HttpRequest) -> Actor:
    return organiser(request.user.get_username())


def dinner_page(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.VIEW)
    return _page(request, the_edition, actions)


def _page(
    request: HttpRequest,
    edition: Edition,
    actions: Any,
    seats_form: SeatsForm | None = None,
    tables_form: TablesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    session = dinner_session(edition.pk)
    tables = list(DinnerTable.objects.filter(edition=edition).order_by("number"))
    guests = dinner.guests(edition)
    seated = dict(
        TableSeat.objects.filter(table__edition=edition).values_list(
            "registration_id", "table__number"
        )
    )
    at_table: dict[int, int] = {}
    for number in seated.values():
        at_table[number] = at_table.get(number, 0) + 1
    waiting = 0
    if session is not None:
        waiting = session.choices.filter(status=ChoiceStatus.WAITING).count()
    return render(
        request,
        "backoffice/dinner/page.html",
        {
            "edition": edition,
            "actions": actions,
            "session": session,
            "taken": session.seats.taken if session is not None else len(guests),
            "waiting": waiting,
            "tables": [(t, at_table.get(t.number, 0)) for t in tables],
            "guests": [(g, seated.get(g.pk)) for g in guests],
            "unseated": sum(1 for g in guests if g.pk not in seated),
            "seats_form": seats_form
            or SeatsForm(initial={"capacity": session.capacity if session else None}),
            "tables_form": tables_form
            or TablesForm(initial={"sizes": ", ".join(str(t.seats) for t in tables)}),
        },
        status=status,
    )


@require_POST
def seats(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    form = SeatsForm(request.POST)
    if form.is_valid():
        try:
            dinner.set_dinner_seats(
                edition=the_edition, capacity=form.cleaned_data["capacity"], actor=_actor(request)
            )
        except dinner.DinnerError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Middagens pladser er gemt."))
            return redirect("backoffice:dinner", the_edition.slug)
    return _page(request, the_edition, actions, seats_form=form, status=400)


@require_POST
def tables(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    form = TablesForm(request.POST)
    if form.is_valid():
        dinner.set_tables(
            edition=the_edition, sizes=form.cleaned_data["sizes"], actor=_actor(request)
        )
        messages.success(request, _("Bordene er gemt."))
        return redirect("backoffice:dinner", the_edition.slug)
    return _page(request, the_edition, actions, tables_form=form, status=400)


@require_POST
def seat_all(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    try:
        count = dinner.seat_by_organisation(edition=the_edition, actor=_actor(request))
    except dinner.DinnerError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(count)s gæster er placeret efter organisation.") % {"count": count}
        )
    return redirect("backoffice:dinner", the_edition.slug)


@require_POST
def place(request: HttpRequest, edition: str, registration_id: int) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.MANAGE_REGISTRATION)
    registration = get_object_or_404(Registration, pk=registration_id, edition=the_edition)
    wanted = request.POST.get("table", "")
    table = None
    if wanted:
        table = DinnerTable.objects.filter(
            edition=the_edition, number=int(wanted) if wanted.isdigit() and len(wanted) < 5 else -1
        ).first()
        if table is None:
            messages.error(request, _("Vælg et af bordene."))
            return redirect("backoffice:dinner", the_edition.slug)
    try:
        dinner.place_guest(registration=registration, table=table, actor=_actor(request))
    except dinner.DinnerError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s er placeret.") % {"name": registration.name})
    return redirect("backoffice:dinner", the_edition.slug)
